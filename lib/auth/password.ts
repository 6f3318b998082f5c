// Password hashing (Argon2id, OWASP parameters) and the password policy.
import { hash, verify } from "@node-rs/argon2";

// OWASP's Argon2id recommendation: 19 MiB of memory, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A verification against this keeps a sign-in for an unknown email as slow as a real one,
// so response time does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("substation-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
