import { AdminNav } from "@/components/admin/moderation-admin-nav";
import { requirePageUser } from "@/lib/auth/guards";

/** Everything under /admin is for marketplace admins; each page, action and query still checks for itself. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("/admin", "admin");
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <p className="text-sm font-medium text-slate-600">Marketplace admin</p>
      <div className="mt-2">
        <AdminNav />
      </div>
      <div className="mt-8">{children}</div>
    </div>
  );
}
