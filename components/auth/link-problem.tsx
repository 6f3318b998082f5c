import { Link2Off } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import type { LinkState } from "@/db/queries/account-links";

const TEXT: Record<Exclude<LinkState, "valid">, { title: string; body: string }> = {
  unknown: { title: "This link is not valid", body: "It may be cut short or mistyped. Copy the whole link from the mail, or ask for a new one." },
  expired: { title: "This link has expired", body: "For your safety, links from our mail work for a limited time. Ask for a new one." },
  used: { title: "This link was already used", body: "Each link works once. If you still need it, ask for a new one." },
};

/** The page a bad, old or used link gets: an explanation and the way forward, never an error page. */
export function LinkProblem({ state, again }: { state: Exclude<LinkState, "valid">; again: { href: string; label: string } }) {
  const text = TEXT[state];
  return (
    <div className="text-center">
      <Link2Off className="mx-auto h-10 w-10 text-slate-500" aria-hidden="true" />
      <h1 className="mt-3 text-2xl font-semibold tracking-tight">{text.title}</h1>
      <p className="mt-2 text-sm text-slate-600">{text.body}</p>
      <ButtonLink href={again.href} className="mt-6">
        {again.label}
      </ButtonLink>
    </div>
  );
}
