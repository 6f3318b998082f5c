import { AdminNav } from "@/components/admin/moderation-admin-nav";
import { MfaReminder, MfaRequired } from "@/components/admin/mfa-reminder";
import { adminSecondFactorState } from "@/lib/auth/admin-mfa";
import { currentUser, requirePageUser } from "@/lib/auth/guards";

/** Everything under /admin is for marketplace admins; each page, action and query still checks for itself. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("/admin", "admin");
  // requirePageUser has just read the same cached user; currentUser() adds the session's second factor.
  const user = (await currentUser())!;
  const mfa = adminSecondFactorState(user);
  if (mfa === "enrol" || mfa === "reauth") {
    return (
      <div className="mx-auto w-full max-w-6xl px-4 py-12 sm:px-6">
        <MfaRequired enrolled={mfa === "reauth"} />
      </div>
    );
  }
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      {mfa === "remind" && (
        <div className="mb-6">
          <MfaReminder />
        </div>
      )}
      <p className="text-sm font-medium text-slate-600">Marketplace admin</p>
      <div className="mt-2">
        <AdminNav />
      </div>
      <div className="mt-8">{children}</div>
    </div>
  );
}
