import Link from "next/link";
import { MailCheck } from "lucide-react";

/** What a person sees after asking for a mailed link: the same whether or not the address has an account. */
export function CheckInbox({ email, title, children }: { email: string; title: string; children: React.ReactNode }) {
  return (
    <div role="status" className="text-center">
      <MailCheck className="mx-auto h-10 w-10 text-emerald-700" aria-hidden="true" />
      <h2 className="mt-3 text-xl font-semibold tracking-tight">{title}</h2>
      <p className="mt-2 text-sm text-slate-700">
        If <span className="font-medium break-all text-slate-900">{email}</span> can receive mail from us, a message is on its way.
      </p>
      <p className="mt-2 text-sm text-slate-600">{children}</p>
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="font-medium text-slate-900 underline underline-offset-2">
          Go to sign-in
        </Link>
      </p>
    </div>
  );
}
