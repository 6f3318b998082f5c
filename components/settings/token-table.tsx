import { Badge } from "@/components/ui/badge";
import { RevokeTokenButton } from "./revoke-token-button";

type TokenRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{dateTime.format(at)} UTC</time>;
}

/** Active tokens first, then revoked ones, each group newest first. */
export function TokenTable({ tokens }: { tokens: TokenRow[] }) {
  const rows = [...tokens].sort((a, b) => Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)));
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your API tokens</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">Token</th>
            <th scope="col" className="px-4 py-3 font-medium">Created</th>
            <th scope="col" className="px-4 py-3 font-medium">Last used</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((token) => (
            <tr key={token.id} className={token.revokedAt ? "text-slate-500" : "text-slate-900"}>
              <th scope="row" className="max-w-56 truncate px-4 py-3 font-medium" title={token.name}>
                {token.name}
              </th>
              <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{token.prefix}…</td>
              <td className="whitespace-nowrap px-4 py-3">
                <When at={token.createdAt} />
              </td>
              <td className="whitespace-nowrap px-4 py-3">{token.lastUsedAt ? <When at={token.lastUsedAt} /> : "Never"}</td>
              <td className="whitespace-nowrap px-4 py-3">
                {token.revokedAt ? (
                  <span className="flex flex-col gap-0.5">
                    <Badge tone="neutral" className="w-fit">Revoked</Badge>
                    <span className="text-xs">
                      <When at={token.revokedAt} />
                    </span>
                  </span>
                ) : (
                  <Badge tone="green">Active</Badge>
                )}
              </td>
              <td className="px-4 py-3 text-right">{!token.revokedAt && <RevokeTokenButton id={token.id} name={token.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
