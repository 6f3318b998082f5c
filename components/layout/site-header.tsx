import Link from "next/link";
import { getDb } from "@/db";
import { unreadTotal } from "@/db/queries/messages";
import { currentUser, type SessionUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { ButtonLink } from "@/components/ui/button";
import { UnreadBadge } from "@/components/messages/unread-badge";
import { Logo } from "./logo";
import { UserMenu } from "./user-menu";

type NavItem = { href: string; label: string };

function navFor(user: SessionUser | null): NavItem[] {
  if (!user) {
    return [
      { href: "/search", label: "Find capacity" },
      { href: "/#miners", label: "For miners" },
      { href: "/calculators/gpu-fit", label: "GPU fit" },
      { href: "/calculators/mining", label: "Mining vs. hosting" },
    ];
  }
  if (user.role === "miner") {
    return [
      { href: "/dashboard", label: "Dashboard" },
      { href: "/miner/sites", label: "Sites" },
      { href: "/miner/listings", label: "Listings" },
      { href: "/miner/bookings", label: "Bookings" },
      { href: "/messages", label: "Messages" },
      { href: "/calculators/mining", label: "Mining vs. hosting" },
    ];
  }
  if (user.role === "buyer") {
    return [
      { href: "/dashboard", label: "Dashboard" },
      { href: "/search", label: "Find capacity" },
      { href: "/bookings", label: "Bookings" },
      { href: "/messages", label: "Messages" },
      { href: "/calculators/gpu-fit", label: "GPU fit" },
    ];
  }
  return [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/admin/listings", label: "Admin" },
    { href: "/search", label: "Listings" },
  ];
}

export async function SiteHeader() {
  const user = await currentUser();
  const nav = navFor(user);
  // Miners and buyers see their unread messages on every page; admins have no inbox.
  const unread = user && user.role !== "admin" ? await unreadTotal(await getDb(), actorOf(user)) : null;
  const links = (className: string) =>
    nav.map((item) => (
      <li key={item.href}>
        <Link href={item.href} className={className}>
          {item.href === "/messages" && unread !== null ? (
            <span className="inline-flex items-center gap-1">
              {item.label}
              <UnreadBadge initial={unread} />
            </span>
          ) : (
            item.label
          )}
        </Link>
      </li>
    ));
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <div className="flex items-center gap-8">
          <Logo />
          <nav aria-label="Main" className="hidden md:block">
            <ul className="flex items-center gap-1">{links("rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900")}</ul>
          </nav>
        </div>
        <div className="flex items-center gap-2">
          {user ? (
            <UserMenu name={user.name} email={user.email} role={user.role} organization={user.organization?.name ?? null} />
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
      <nav aria-label="Main (compact)" className="border-t border-slate-100 md:hidden">
        <ul className="relative mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 py-1">{links("block whitespace-nowrap rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100")}</ul>
      </nav>
      {user && !user.emailVerified && (
        <div role="status" className="border-t border-amber-200 bg-amber-50">
          <p className="mx-auto max-w-6xl px-4 py-2 text-sm text-amber-900 sm:px-6">
            Confirm your email address to reserve, submit listings, create API tokens and invite colleagues.{" "}
            <Link href="/settings#verify-email" className="font-medium underline underline-offset-2">
              Send a new link
            </Link>
          </p>
        </div>
      )}
    </header>
  );
}
