"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "./cn";

export type NavSection = { href: string; label: string; /** Only this path, not the ones below it (an area's own index). */ exact?: boolean };

/** An area's sections as tabs; the current one is marked for screen readers as well as by eye. */
export function SectionNav({ label, sections }: { label: string; sections: readonly NavSection[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 rounded-lg bg-slate-100 p-1">
        {sections.map((section) => {
          const active = pathname === section.href || (!section.exact && pathname.startsWith(`${section.href}/`));
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
