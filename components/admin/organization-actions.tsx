"use client";

import { reinstateOrganizationAction, suspendOrganizationAction } from "@/app/(app)/admin/organizations/actions";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { reinstateFormSchema, suspendFormSchema } from "./organization-schemas";

type Props = {
  organization: { id: string; name: string; kind: "miner" | "buyer"; status: "active" | "suspended"; users: number; publishedListings: number; openBookings: number };
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Suspend (with a required reason) or reinstate, each behind a second, explicit step. */
export function OrganizationActions({ organization }: Props) {
  const suspend = organization.status === "active";

  const prompt = suspend
    ? `Suspend ${organization.name}? At once, ` +
      (organization.kind === "miner" ? `${plural(organization.publishedListings, "published listing leaves", "published listings leave")} search and listing pages, ` : "") +
      `${plural(organization.users, "user is", "users are")} signed out and refused at sign-in, and API tokens stop working. ` +
      (organization.openBookings ? `${plural(organization.openBookings, "open hold or request", "open holds and requests")} will be released, deposits returned.` : "It has no open holds or requests.")
    : `Reinstate ${organization.name}? Its users can sign in again and its published listings return to search.`;

  return (
    <ConfirmStep
      action={suspend ? suspendOrganizationAction : reinstateOrganizationAction}
      schema={suspend ? suspendFormSchema : reinstateFormSchema}
      fields={{ organizationId: organization.id }}
      opener={{ label: suspend ? "Suspend…" : "Reinstate…", accessibleLabel: `${suspend ? "Suspend" : "Reinstate"} ${organization.name}`, variant: suspend ? "secondary" : "primary" }}
      prompt={prompt}
      reason={{
        name: "reason",
        label: suspend ? "Reason for the suspension" : "Note",
        required: suspend,
        maxLength: 2000,
        rows: 3,
        hint: suspend ? "Kept in the audit log and on the organization. Released reservations tell both parties the organization was suspended." : "Kept in the audit log.",
      }}
      confirm={{ label: suspend ? "Yes, suspend" : "Yes, reinstate", pendingLabel: suspend ? "Suspending…" : "Reinstating…", variant: suspend ? "danger" : "primary" }}
      tone={suspend ? "danger" : "neutral"}
      className="p-4 text-left"
    />
  );
}
