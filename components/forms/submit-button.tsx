"use client";

import { Loader2 } from "lucide-react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonStyle } from "@/components/ui/button";

export function SubmitButton({ children, pendingLabel, className = "w-full", ...style }: { children: React.ReactNode; pendingLabel: string; className?: string } & ButtonStyle) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} className={className} {...style}>
      {pending ? (
        <>
          <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> {pendingLabel}
        </>
      ) : (
        children
      )}
    </Button>
  );
}
