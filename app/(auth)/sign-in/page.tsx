import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  rate_limited: "Too many failed attempts. Wait a minute, then try again.",
  suspended: "This account is suspended. Contact support@substation.test if you think this is a mistake.",
  removed: "You are no longer a member of this organization. Ask one of its owners to invite you again.",
  mfa_required: "This account signs in with a second factor: enter your email, password and the code from your authenticator app.",
  mfa_invalid: "That code is not right, or it was already used. Try the newest code from your authenticator app.",
  mfa_rate_limited: "Too many wrong codes. Wait five minutes, then try again.",
  left: "You left the organization. Your account stays; an owner of another organization can invite you.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  if (await currentUser()) redirect(callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/dashboard");
  const code = typeof params.code === "string" ? params.code : typeof params.error === "string" ? params.error : params.left ? "left" : undefined;
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : undefined;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Substation</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Welcome back. Your sites, listings and bookings are waiting.</p>
      <SignInForm callbackUrl={callbackUrl} notice={code ? NOTICES[code] : undefined} initialEmail={email} />
      <p className="mt-4 text-center text-sm text-slate-600">
        <Link href="/forgot-password" className="font-medium text-slate-900 underline underline-offset-2">
          Forgot your password?
        </Link>
      </p>
    </>
  );
}
