// The server's check of a new password against about 49,000 common passwords (zxcvbn-ts's
// list, from leaked-password corpora). Server only: the list stays out of the browser, which
// checks length and variety with the shared schema.
import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/errors";

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set([...(dictionary["passwords-common"] as string[]), "substation", "substation-demo", "bitcoinminer", "hashrate123"].map((p) => p.toLowerCase()));
  return common;
}

/** Also catches a common password with a digit or two stuck on its end ("qwertyuiop1"). */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  return list.has(lower) || list.has(lower.replace(/[\d!.?]{1,3}$/, ""));
}

export function assertUncommonPassword(password: string, field = "password"): void {
  if (isCommonPassword(password)) {
    throw AppError.validation({ [field]: "That password appears in lists of common passwords; choose another." });
  }
}
