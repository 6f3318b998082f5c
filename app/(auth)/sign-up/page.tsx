import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  if (await currentUser()) redirect("/dashboard");
  const { kind } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Create your Substation account</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        One account per person; your organization is created with it. Miners list capacity, AI teams reserve it.
      </p>
      <SignUpForm initialKind={kind === "miner" || kind === "buyer" ? kind : undefined} />
    </>
  );
}
