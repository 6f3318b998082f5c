import type { Metadata } from "next";
import { getDb } from "@/db";
import { getProfile, pendingEmailChange } from "@/db/queries/account-links";
import { getMessageMail } from "@/db/queries/messages";
import { listSessions } from "@/db/queries/sessions";
import { MessageMailForm } from "@/components/messages/message-mail-form";
import { EmailForm, NameForm, PasswordForm, ResendVerificationForm, SignOutOthersForm } from "@/components/settings/account-forms";
import { SessionList } from "@/components/settings/session-list";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Account settings" };

function Section({ id, title, description, children }: { id: string; title: string; description?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Card className="p-5 sm:p-6" id={id}>
      <section aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
        <div className="mt-4">{children}</div>
      </section>
    </Card>
  );
}

export default async function AccountSettingsPage() {
  const user = await requirePageUser("/settings");
  const db = await getDb();
  const actor = actorOf(user);
  const [profile, pending, sessions, messageMail] = await Promise.all([
    getProfile(db, actor),
    pendingEmailChange(db, actor),
    listSessions(db, actor, user.sessionId),
    getMessageMail(db, actor),
  ]);
  const others = sessions.filter((s) => !s.current).length;

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <p className="text-sm text-slate-600">Settings</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight">Your account</h1>
      <div className="mt-8 space-y-6">
        <Section id="profile" title="Name" description="Shown to the other party on bookings and messages, and to your colleagues.">
          <NameForm name={profile.name} />
        </Section>

        <Section
          id="email"
          title="Email address"
          description={
            <p className="flex flex-wrap items-center gap-2">
              <span className="break-all font-medium text-slate-900">{profile.email}</span>
              {profile.emailVerifiedAt ? <Badge tone="green">Confirmed</Badge> : <Badge tone="amber">Not confirmed yet</Badge>}
            </p>
          }
        >
          <div className="space-y-5">
            {!profile.emailVerifiedAt && (
              <div id="verify-email" className="space-y-3">
                <Alert tone="warning" title="Confirm your address">
                  Reserving capacity, submitting listings, API tokens and invitations open once you follow the link we mailed to {profile.email}.
                </Alert>
                <ResendVerificationForm />
              </div>
            )}
            {pending && (
              <Alert tone="info">
                Waiting for you to confirm <span className="break-all font-medium">{pending}</span>: follow the link we mailed there. Until then your
                address stays {profile.email}.
              </Alert>
            )}
            <EmailForm email={profile.email} />
          </div>
        </Section>

        <Section id="password" title="Password" description="Changing it signs out every other session of this account.">
          <PasswordForm />
        </Section>

        <Section
          id="sessions"
          title="Where you are signed in"
          description="Sign out a session you do not recognise, then change your password."
        >
          <div className="space-y-4">
            <SessionList sessions={sessions} />
            <SignOutOthersForm others={others} />
          </div>
        </Section>

        {user.role !== "admin" && (
          <Section id="message-mail" title="Message mail" description="A nudge when the other side wrote and you have not read it in the app.">
            <MessageMailForm enabled={messageMail} />
          </Section>
        )}
      </div>
    </div>
  );
}
