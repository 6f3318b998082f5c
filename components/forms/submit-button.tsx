"use client";

import { Loader2 } from "lucide-react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonStyle } from "@/components/ui/button";

type Props = {
  children: React.ReactNode;
  pendingLabel: string;
  className?: string;
  /** Off for a reason of the form's own (nothing selected yet); it is always off while the form is sending. */
  disabled?: boolean;
} & ButtonStyle;

export function SubmitButton({ children, pendingLabel, className = "w-full", disabled = false, ...style }: Props) {
  const { pending } = useFormStatus();
  const off = pending || disabled;
  return (
    <Button type="submit" disabled={off} aria-disabled={off} className={className} {...style}>
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
