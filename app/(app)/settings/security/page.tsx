import type { Metadata } from "next";
import { getDb } from "@/db";
import { listSessions } from "@/db/queries/sessions";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { SignOutOthersForm } from "@/components/settings/account-forms";
import { TwoFactorPanel } from "@/components/settings/two-factor-panel";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Security" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export default async function SecuritySettingsPage({ searchParams }: PageProps<"/settings/security">) {
  const { required } = await searchParams;
  // Every role, admins included: two-factor sign-in protects the account, not an organization.
  const user = await requirePageUser("/settings/security");
  const db = await getDb();
  const [status, sessions] = await Promise.all([getTwoFactorStatus(db, actorOf(user)), listSessions(db, actorOf(user), user.sessionId)]);
  const others = sessions.filter((session) => !session.current);

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <p className="text-sm text-slate-600">Settings</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight">Security</h1>
      <p className="mt-2 max-w-2xl text-slate-600">How you sign in to Substation as {user.email}.</p>

      {required === "admin" && (
        <Alert tone="warning" title="Two-factor sign-in required" className="mt-6 max-w-2xl">
          {status.enabled
            ? "Admin pages need a session opened with a code: sign out, then sign in again with your authenticator."
            : "Admin pages open only to admins who sign in with a code. Set up an authenticator below."}
        </Alert>
      )}

      <Card className="mt-8 p-5 sm:p-6">
        <section aria-labelledby="two-factor-title">
          <TwoFactorPanel
            email={user.email}
            status={{
              enabled: status.enabled,
              enabledAt: status.enabledAt?.toISOString() ?? null,
              enabledAtLabel: status.enabledAt ? dateFormat.format(status.enabledAt) : null,
              recoveryCodesLeft: status.recoveryCodesLeft,
            }}
          />
        </section>
      </Card>

      <Card className="mt-6 p-5 sm:p-6">
        <section aria-labelledby="other-sessions-title">
          <h2 id="other-sessions-title" className="text-lg font-semibold">
            Your other sessions
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            {others.length === 0
              ? "You are signed in here only."
              : `You are signed in on ${others.length} other ${others.length === 1 ? "device or browser" : "devices or browsers"}${
                  others.some((session) => !session.mfa) ? ", some of them without a second factor" : ""
                }. After turning two-factor sign-in on or off, sign them out so that each signs in again under the new rule.`}
          </p>
          <div className="mt-4">
            <SignOutOthersForm others={others.length} />
          </div>
        </section>
      </Card>
    </div>
  );
}
