import { describe, expect, it } from "vitest";
import { assertCanReadOrg, assertCanWriteOrg, assertRole, canReadOrg, requireOrganization, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

const miner: Actor = { userId: "u1", role: "miner", organizationId: "org-a" };
const otherMiner: Actor = { userId: "u2", role: "miner", organizationId: "org-b" };
const admin: Actor = { userId: "u3", role: "admin", organizationId: null };

function statusOf(fn: () => void): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as AppError).status;
  }
}

describe("organization access", () => {
  it("lets members and admins read an organization's private rows, nobody else", () => {
    expect(canReadOrg(miner, "org-a")).toBe(true);
    expect(canReadOrg(admin, "org-a")).toBe(true);
    expect(canReadOrg(otherMiner, "org-a")).toBe(false);
  });

  it("answers 404, not 403, to another organization, so its rows are not confirmed to exist", () => {
    expect(statusOf(() => assertCanReadOrg(otherMiner, "org-a"))).toBe(404);
    expect(statusOf(() => assertCanWriteOrg(otherMiner, "org-a"))).toBe(404);
  });

  it("lets only members write; an admin reading is not an admin writing", () => {
    expect(statusOf(() => assertCanWriteOrg(miner, "org-a"))).toBeUndefined();
    expect(statusOf(() => assertCanWriteOrg(admin, "org-a"))).toBe(403);
  });

  it("checks roles and organization membership", () => {
    expect(statusOf(() => assertRole(miner, "buyer"))).toBe(403);
    expect(statusOf(() => assertRole(admin, "admin"))).toBeUndefined();
    expect(requireOrganization(miner)).toBe("org-a");
    expect(statusOf(() => requireOrganization(admin))).toBe(403);
  });
});
