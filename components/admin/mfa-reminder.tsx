import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";

/** Above every admin page while the admin has no second factor (and ADMIN_MFA is not yet required). */
export function MfaReminder() {
  return (
    <div role="status" className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950 sm:flex-row sm:items-center sm:justify-between">
      <p className="flex items-start gap-2 text-sm">
        <ShieldAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
        <span>
          <strong className="font-semibold">Protect the marketplace: turn on two-factor sign-in.</strong> An admin account can suspend organizations and
          publish listings; a password alone should not be enough to open it.
        </span>
      </p>
      <Link href="/settings/security" className="shrink-0 text-sm font-medium underline underline-offset-2">
        Set it up in Settings → Security
      </Link>
    </div>
  );
}

/** Instead of an admin page's content while ADMIN_MFA=required and the admin has no second factor in this session. */
export function MfaRequired({ enrolled }: { enrolled: boolean }) {
  return (
    <section aria-labelledby="mfa-required-title" className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm sm:p-8">
      <ShieldAlert className="mx-auto h-10 w-10 text-amber-600" aria-hidden="true" />
      <h1 id="mfa-required-title" className="mt-3 text-2xl font-semibold tracking-tight">
        Two-factor sign-in required
      </h1>
      {enrolled ? (
        <p className="mt-2 text-slate-600">
          This session was opened without a code from your authenticator. Sign out and sign in again with your code to use the admin pages.
        </p>
      ) : (
        <p className="mt-2 text-slate-600">
          Admin pages are open only to admins who sign in with a code from an authenticator app. Turn on two-factor sign-in, and the admin pages
          open again straight away.
        </p>
      )}
      <ButtonLink href="/settings/security" className="mt-6">
        {enrolled ? "Review your security settings" : "Turn on two-factor sign-in"}
      </ButtonLink>
    </section>
  );
}
