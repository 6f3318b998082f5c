import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { revokeTokenAction } from "@/app/(app)/settings/tokens/actions";

/** Revoking breaks whatever uses the token at once, so it takes a second, explicit click. */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionButton
      action={revokeTokenAction}
      fields={{ id }}
      label="Revoke"
      accessibleLabel={`Revoke “${name}”`}
      confirmLabel="Yes, revoke"
      pendingLabel="Revoking…"
      confirmAccessibleLabel={`Confirm revoking “${name}”`}
      warning="Anything using it stops working."
      variant="secondary"
    />
  );
}
