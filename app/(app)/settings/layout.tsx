import { SettingsNav } from "@/components/settings/settings-nav";
import { requirePageUser } from "@/lib/auth/guards";

/** Every settings page is for a signed-in person; each page, action and query still checks for itself. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("/settings");
  return (
    <>
      <div className="mx-auto w-full max-w-5xl px-4 pt-8 sm:px-6">
        <SettingsNav admin={user.role === "admin"} />
      </div>
      {children}
    </>
  );
}
