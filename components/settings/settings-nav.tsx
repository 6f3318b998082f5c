"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

type Section = { href: string; label: string };

/** The settings sections; admins have no organization and no API tokens. */
export function SettingsNav({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  const sections: Section[] = [
    { href: "/settings", label: "Account" },
    { href: "/settings/security", label: "Two-factor sign-in" },
    ...(admin ? [] : [{ href: "/settings/organization", label: "Organization" }, { href: "/settings/tokens", label: "API tokens" }]),
  ];
  return (
    <nav aria-label="Settings" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 rounded-lg bg-slate-100 p-1">
        {sections.map((section) => {
          const active = section.href === "/settings" ? pathname === "/settings" : pathname === section.href || pathname.startsWith(`${section.href}/`);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-1.5 text-sm whitespace-nowrap",
                  active ? "bg-white font-medium text-slate-900 shadow-sm" : "text-slate-600 hover:bg-white/60 hover:text-slate-900",
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
