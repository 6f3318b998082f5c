import Link from "next/link";
import { currentUser } from "@/lib/auth/guards";
import { ButtonLink } from "@/components/ui/button";
import { Logo } from "./logo";
import { UserMenu } from "./user-menu";

const NAV = [
  { href: "/#ai-teams", label: "For AI teams" },
  { href: "/#miners", label: "For miners" },
  { href: "/#how-it-works", label: "How it works" },
];

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <div className="flex items-center gap-8">
          <Logo />
          <nav aria-label="Main" className="hidden md:block">
            <ul className="flex items-center gap-1">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="flex items-center gap-2">
          {user ? (
            <>
              <ButtonLink href="/dashboard" variant="ghost" size="sm" className="hidden sm:inline-flex">
                Dashboard
              </ButtonLink>
              <UserMenu name={user.name} email={user.email} role={user.role} organization={user.organization?.name ?? null} />
            </>
          ) : (
            <>
              <ButtonLink href="/sign-in" variant="ghost" size="sm">
                Sign in
              </ButtonLink>
              <ButtonLink href="/sign-up" size="sm">
                Get started
              </ButtonLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
