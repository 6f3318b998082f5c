// Admins read any organization's conversations from its admin page.
import { describe, expect, it } from "vitest";
import { createInquiry, listOrganizationThreads, postMessage } from "@/db/queries/messages";
import { AppError } from "@/lib/errors";
import { publishedListing } from "../support/bookings";
import { makeAccount, makeAdmin } from "../support/fixtures";

describe("an organization's conversations for admins", () => {
  it("lists the threads it takes part in, as buyer or as miner, newest first; only for admins", async () => {
    const { miner, listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    const other = await makeAccount("buyer");
    const first = await createInquiry(buyer.db, buyer.actor, listing.id, { body: "What is the substation's voltage?" });
    const second = await createInquiry(other.db, other.actor, listing.id, { body: "Can we visit in March?" });
    await postMessage(miner.db, miner.actor, first.threadId, { body: "138 kV, and yes to visits." });

    const admin = await makeAdmin();
    const minerSide = await listOrganizationThreads(miner.db, admin, miner.organization.id);
    expect(minerSide.organization.name).toBe(miner.organization.name);
    expect(minerSide.threads.map((t) => t.id)).toEqual([first.threadId, second.threadId]);
    expect(minerSide.threads[0]).toMatchObject({ kind: "inquiry", listingId: listing.id, counterparty: { id: buyer.organization.id }, messageCount: 2 });

    const buyerSide = await listOrganizationThreads(miner.db, admin, buyer.organization.id);
    expect(buyerSide.threads).toHaveLength(1);
    expect(buyerSide.threads[0]!.counterparty).toEqual({ id: miner.organization.id, name: miner.organization.name });

    const refused = await listOrganizationThreads(miner.db, miner.actor, miner.organization.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 403 });
    await expect(listOrganizationThreads(miner.db, admin, "nope")).rejects.toMatchObject({ status: 404 });
    await expect(listOrganizationThreads(miner.db, admin, crypto.randomUUID())).rejects.toMatchObject({ status: 404 });
  });
});
