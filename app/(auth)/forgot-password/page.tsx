import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?", robots: { index: false } };

export default async function ForgotPasswordPage({ searchParams }: PageProps<"/forgot-password">) {
  const { email } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Forgot your password?</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Enter the address you sign in with and we will mail you a link to choose a new one.</p>
      <ForgotPasswordForm email={typeof email === "string" ? email.slice(0, 254) : undefined} />
      <p className="mt-6 text-center text-sm text-slate-600">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-slate-900 underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </>
  );
}
