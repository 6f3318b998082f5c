"use client";

import { verificationAction } from "@/app/(app)/admin/sites/actions";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { verificationFormSchema } from "./verification-schemas";

type Props = { siteId: string; siteName: string; verified: boolean; documentCount: number };

/** Grant or revoke the verified badge, behind a second step with an optional note for the audit log. */
export function VerificationDecision({ siteId, siteName, verified, documentCount }: Props) {
  const grant = !verified;

  const prompt = grant
    ? documentCount === 0
      ? `${siteName} has no evidence uploaded. Grant the badge only if you checked its power and cooling facts another way.`
      : `Grant ${siteName} the verified badge? It shows on its listings and in search until the miner changes its power or cooling facts.`
    : `Revoke ${siteName}'s verified badge? It disappears from its listings and search at once.`;

  return (
    <ConfirmStep
      action={verificationAction}
      schema={verificationFormSchema}
      fields={{ siteId, decision: grant ? "grant" : "revoke" }}
      opener={{ label: grant ? "Grant verification…" : "Revoke verification…", variant: grant ? "primary" : "secondary" }}
      prompt={prompt}
      reason={{
        name: "note",
        label: "Note for the audit log",
        required: false,
        maxLength: 2000,
        rows: 2,
        placeholder: grant ? "e.g. Interconnection agreement and PPA match the stated 30 MW." : "e.g. The power contract expired in March.",
      }}
      confirm={{ label: grant ? "Yes, verify this site" : "Yes, revoke the badge", pendingLabel: grant ? "Granting…" : "Revoking…", variant: grant ? "primary" : "danger" }}
      className="p-4"
    />
  );
}
