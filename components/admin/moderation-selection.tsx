"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";

type Selection = {
  items: { id: string; title: string }[];
  selected: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
  setAll: (on: boolean) => void;
};

const SelectionContext = createContext<Selection | null>(null);

/**
 * Which queue items are ticked for bulk approval. The items are server-rendered; only the
 * checkboxes and the bulk bar read this state. Ids no longer in the queue drop out.
 */
export function ModerationSelection({ items, children }: { items: { id: string; title: string }[]; children: React.ReactNode }) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const selected = useMemo(() => new Set(items.map((i) => i.id).filter((id) => ticked.has(id))), [items, ticked]);
  const toggle = useCallback((id: string, on: boolean) => {
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const setAll = useCallback((on: boolean) => setTicked(on ? new Set(items.map((i) => i.id)) : new Set()), [items]);
  const value = useMemo(() => ({ items, selected, toggle, setAll }), [items, selected, toggle, setAll]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useSelection needs a ModerationSelection around it");
  return selection;
}

export function SelectCheckbox({ id, title }: { id: string; title: string }) {
  const { selected, toggle } = useSelection();
  return (
    <input
      type="checkbox"
      checked={selected.has(id)}
      onChange={(event) => toggle(id, event.target.checked)}
      aria-label={`Select “${title}” for bulk approval`}
      className="mt-1 h-4 w-4 shrink-0 rounded border-slate-400 accent-slate-900"
    />
  );
}
