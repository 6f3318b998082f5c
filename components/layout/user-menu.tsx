"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { ChevronDown, KeyRound, LayoutDashboard, LogOut, Settings, Users } from "lucide-react";
import { signOutAction } from "@/app/(auth)/actions";

type Props = { name: string; email: string; role: string; organization: string | null };

export function UserMenu({ name, email, role, organization }: Props) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-2 rounded-full py-1 pl-1 pr-2 text-sm text-slate-700 hover:bg-slate-100"
      >
        <span className="grid h-8 w-8 place-items-center rounded-full bg-ink-900 text-xs font-semibold text-volt-300" aria-hidden="true">
          {initials}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
        <ChevronDown className="h-4 w-4" aria-hidden="true" />
        <span className="sr-only">Account menu</span>
      </button>
      {open && (
        <div id={menuId} role="menu" className="absolute right-0 z-30 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium text-slate-900">{name}</p>
            <p className="truncate text-xs text-slate-600">{email}</p>
            <p className="mt-1 text-xs text-slate-600">
              <span className="capitalize">{role === "buyer" ? "AI team" : role}</span>
              {organization && <> · {organization}</>}
            </p>
          </div>
          <div className="my-1 h-px bg-slate-100" />
          <Link role="menuitem" href="/dashboard" onClick={() => setOpen(false)} className="flex items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
            <LayoutDashboard className="h-4 w-4" aria-hidden="true" /> Dashboard
          </Link>
          <Link role="menuitem" href="/settings" onClick={() => setOpen(false)} className="flex items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
            <Settings className="h-4 w-4" aria-hidden="true" /> Account settings
          </Link>
          {role !== "admin" && (
            <>
              <Link role="menuitem" href="/settings/organization" onClick={() => setOpen(false)} className="flex items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
                <Users className="h-4 w-4" aria-hidden="true" /> Organization
              </Link>
              <Link role="menuitem" href="/settings/tokens" onClick={() => setOpen(false)} className="flex items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
                <KeyRound className="h-4 w-4" aria-hidden="true" /> API tokens
              </Link>
            </>
          )}
          <form action={signOutAction}>
            <button role="menuitem" type="submit" className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100">
              <LogOut className="h-4 w-4" aria-hidden="true" /> Sign out
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
