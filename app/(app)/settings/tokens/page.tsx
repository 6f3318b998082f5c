import type { Metadata } from "next";
import { appUrl } from "@/lib/api/app-url";
import { getDb } from "@/db";
import { listApiTokens, MAX_ACTIVE_TOKENS } from "@/db/queries/api-tokens";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { TokenTable } from "@/components/settings/token-table";
import { TokensEmptyState } from "@/components/settings/tokens-empty-state";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await requirePageUser("/settings/tokens", "miner", "buyer");
  const tokens = await listApiTokens(await getDb(), actorOf(user));
  const active = tokens.filter((token) => !token.revokedAt).length;

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <p className="text-sm text-slate-600">Settings</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight">API tokens</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Personal tokens let scripts use the JSON API as you ({user.email}), with your access and nothing more. Send one as{" "}
        <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-sm text-slate-800">Authorization: Bearer &lt;token&gt;</code>. Tokens cannot
        create other tokens, and stop working as soon as you revoke them.
      </p>

      <Card className="mt-8 p-5 sm:p-6">
        <h2 className="text-lg font-semibold">Create a token</h2>
        <div className="mt-4">
          <CreateTokenForm atCap={active >= MAX_ACTIVE_TOKENS} cap={MAX_ACTIVE_TOKENS} />
        </div>
      </Card>

      <section aria-labelledby="tokens-title" className="mt-10">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="tokens-title" className="text-lg font-semibold">
            Your tokens
          </h2>
          <p className="text-sm text-slate-600">
            {active} of {MAX_ACTIVE_TOKENS} active
          </p>
        </div>
        <div className="mt-4">{tokens.length ? <TokenTable tokens={tokens} /> : <TokensEmptyState origin={await appUrl()} />}</div>
      </section>
    </div>
  );
}
