import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Mail } from "lucide-react";
import { getDb } from "@/db";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { currentUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { canReadOutbox, listOutbox } from "@/lib/mail";

export const metadata: Metadata = { title: "Mail outbox (development)", robots: { index: false } };

/** Development only: the mail Substation would have sent, newest first. */
export default async function OutboxPage({ searchParams }: PageProps<"/dev/outbox">) {
  await connection();
  if (!env.devTools) notFound();
  const viewer = await currentUser();
  if (!canReadOutbox(viewer)) notFound();
  const { to } = await searchParams;
  const mails = await listOutbox(await getDb(), viewer, { to: typeof to === "string" ? to : undefined });
  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-10 sm:px-6">
      <Badge tone="amber">Development only</Badge>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">Mail outbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        {env.smtp ? "SMTP is configured: mail is delivered and kept here as a record." : "No SMTP server is configured, so mail is stored here instead of being sent."}
      </p>
      <form className="mt-6 flex gap-2" role="search">
        <label htmlFor="to" className="sr-only">Recipient</label>
        <input id="to" name="to" type="email" defaultValue={typeof to === "string" ? to : ""} placeholder="Filter by recipient" className="h-10 w-72 rounded-md border border-slate-300 bg-white px-3 text-sm" />
        <button className="h-10 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-100">Filter</button>
      </form>
      <div className="mt-6">
        {mails.length === 0 ? (
          <EmptyState icon={<Mail className="h-8 w-8" />} title="No mail yet">Sign up or book something and the mail appears here.</EmptyState>
        ) : (
          <ul className="space-y-4">
            {mails.map((mail) => (
              <li key={mail.id}>
                <article className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-label={mail.subject}>
                  <header className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 className="font-semibold">{mail.subject}</h2>
                    <time className="text-xs text-slate-600" dateTime={mail.createdAt.toISOString()}>
                      {mail.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC
                    </time>
                  </header>
                  <p className="mt-1 text-sm text-slate-600">
                    To <span className="font-medium text-slate-900">{mail.to}</span> · {mail.template} · {mail.status}
                  </p>
                  <pre className="mt-3 whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-800">{mail.text}</pre>
                </article>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
