"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { ConfirmAction, type ConfirmActionProps } from "./confirm-action";

/** Booking actions side by side; while one asks for confirmation, the others step aside. */
export function ActionGroup({ actions, className }: { actions: Omit<ConfirmActionProps, "onOpenChange">[]; className?: string }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className={cn("flex flex-wrap gap-2", className)}>
      {actions
        .filter((action) => open === null || action.kind === open)
        .map((action) => (
          <ConfirmAction key={action.kind} {...action} onOpenChange={(isOpen) => setOpen(isOpen ? action.kind : null)} />
        ))}
    </div>
  );
}
