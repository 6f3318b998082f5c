import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/db";
import { describeLinkToken } from "@/db/queries/account-links";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { LinkProblem } from "@/components/auth/link-problem";
import { currentUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false }, referrer: "no-referrer" };

export default async function VerifyEmailPage({ searchParams }: PageProps<"/verify-email">) {
  await connection();
  const { token } = await searchParams;
  const [link, user] = await Promise.all([describeLinkToken(await getDb(), token, ["email_verification", "email_change"]), currentUser()]);
  if (link.state !== "valid") {
    return <LinkProblem state={link.state} again={user ? { href: "/settings#email", label: "Send a new link from Settings" } : { href: "/sign-in", label: "Sign in to ask for a new link" }} />;
  }
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{link.purpose === "email_change" ? "Confirm your new email address" : "Confirm your email address"}</h1>
      <div className="mt-4">
        <ConfirmEmailForm token={token as string} email={link.email!} signedIn={Boolean(user)} />
      </div>
    </>
  );
}
