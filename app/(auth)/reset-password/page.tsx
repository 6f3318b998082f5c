import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/db";
import { describeLinkToken } from "@/db/queries/account-links";
import { LinkProblem } from "@/components/auth/link-problem";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  await connection();
  const { token } = await searchParams;
  const link = await describeLinkToken(await getDb(), token, ["password_reset"]);
  if (link.state !== "valid") return <LinkProblem state={link.state} again={{ href: "/forgot-password", label: "Ask for a new link" }} />;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        For <span className="font-medium break-all text-slate-900">{link.email}</span>. Saving it signs this account out everywhere else.
      </p>
      <ResetPasswordForm token={token as string} email={link.email!} />
    </>
  );
}
