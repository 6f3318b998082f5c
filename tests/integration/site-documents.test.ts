import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/files/site-documents/[documentId]/route";
import { POST as postSite } from "@/app/api/v1/sites/route";
import { addSiteDocument, listDocumentsForSites, listSiteDocuments, readSiteDocument, removeSiteDocument } from "@/db/queries/site-documents";
import { siteDocuments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { testDb } from "../support/db";
import { apiRequest, makeAccount, makeAdminWithToken, params, siteBody } from "../support/fixtures";

// lib/env.ts reads UPLOAD_DIR once, at import: it must point at a throwaway folder first.
const uploadDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "substation-documents-"));
  process.env.UPLOAD_DIR = dir;
  return dir;
});

afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

const pdf = () => new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
/** A 1×1 lossless WebP. */
const webp = () => new Uint8Array(Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64"));
const upload = (bytes: Uint8Array, declaredName = "agreement.pdf", kind: unknown = "interconnection_agreement") => ({ bytes, declaredName, kind });

async function minerWithSite() {
  const miner = await makeAccount("miner");
  const site = await (await postSite(apiRequest("POST", "/api/v1/sites", miner.token, siteBody()), params({}))).json();
  return { ...miner, siteId: site.id as string };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function storedFiles(): string[] {
  const folder = path.join(uploadDir, "site-documents");
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
}

async function rowCount(siteId: string): Promise<number> {
  return (await (await testDb()).select({ id: siteDocuments.id }).from(siteDocuments).where(eq(siteDocuments.siteId, siteId))).length;
}

describe("site evidence documents", () => {
  it("stores a real PDF and an image with the type their bytes show, listed newest first with who added them", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const contract = await addSiteDocument(db, actor, siteId, upload(pdf(), "C:\\scans\\PPA 2026.pdf", "power_contract"));
    // The name lies on purpose: the type comes from the bytes.
    const photo = await addSiteDocument(db, actor, siteId, upload(webp(), "substation.jpg", "photo"));
    expect(contract).toMatchObject({ kind: "power_contract", kindLabel: "Power contract", filename: "PPA 2026.pdf", contentType: "application/pdf", bytes: pdf().length, url: `/api/files/site-documents/${contract.id}`, uploadedByName: "Test miner" });
    expect(photo.contentType).toBe("image/webp");

    const listed = await listSiteDocuments(db, actor, siteId);
    expect(listed.map((d) => d.id)).toEqual([photo.id, contract.id]);
    const read = await readSiteDocument(db, actor, contract.id);
    expect(read?.contentType).toBe("application/pdf");
    expect(Buffer.from(read!.bytes).equals(Buffer.from(pdf()))).toBe(true);
  });

  it("refuses a text file named .pdf by its content, says why, and stores nothing", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const before = storedFiles().length;
    const error = await refusal(addSiteDocument(db, actor, siteId, upload(new TextEncoder().encode("this is not a PDF, just text"), "agreement.pdf")));
    expect(error.status).toBe(400);
    expect(error.fields?.document).toBe("Upload a PDF, JPEG, PNG or WebP file. agreement.pdf is not one.");
    expect(await rowCount(siteId)).toBe(0);
    expect(storedFiles().length).toBe(before);
  });

  it("refuses an empty file and an unknown kind", async () => {
    const { db, actor, siteId } = await minerWithSite();
    expect((await refusal(addSiteDocument(db, actor, siteId, upload(new Uint8Array(), "empty.pdf")))).fields?.document).toBe("empty.pdf is empty.");
    expect((await refusal(addSiteDocument(db, actor, siteId, upload(pdf(), "a.pdf", "tax_return")))).fields?.kind).toBe("Choose what the document is.");
    expect(await rowCount(siteId)).toBe(0);
  });

  it("accepts exactly 10 MB and refuses 10 MB and one byte, naming the size", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const big = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(pdf());
      return bytes;
    };
    await addSiteDocument(db, actor, siteId, upload(big(10 * 1024 * 1024), "exact.pdf"));
    const before = storedFiles().length;
    const error = await refusal(addSiteDocument(db, actor, siteId, upload(big(10 * 1024 * 1024 + 1), "scan.pdf")));
    expect(error.status).toBe(400);
    expect(error.fields?.document).toBe("scan.pdf is 10.01 MB. Documents can be at most 10 MB each.");
    expect(await rowCount(siteId)).toBe(1);
    expect(storedFiles().length).toBe(before);
  });

  it("keeps a site at 20 documents when uploads race, removing the losers' files", async () => {
    const { db, actor, siteId } = await minerWithSite();
    for (let i = 0; i < 18; i++) await addSiteDocument(db, actor, siteId, upload(pdf(), `doc-${i}.pdf`, "other"));
    const before = storedFiles().length;
    const results = await Promise.allSettled(Array.from({ length: 4 }, (_, i) => addSiteDocument(db, actor, siteId, upload(pdf(), `late-${i}.pdf`, "other"))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as AppError);
    expect(refused.map((e) => [e.status, e.message])).toEqual([
      [409, "A site can have at most 20 documents. Remove one to add another."],
      [409, "A site can have at most 20 documents. Remove one to add another."],
    ]);
    expect(await rowCount(siteId)).toBe(20);
    expect(storedFiles().length).toBe(before + 2);
  });

  it("is invisible to another miner and to buyers (404), and admins read but do not change it", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const document = await addSiteDocument(db, actor, siteId, upload(pdf()));
    const otherMiner = await makeAccount("miner");
    const buyer = await makeAccount("buyer");
    const admin = await makeAdminWithToken();

    for (const stranger of [otherMiner.actor, buyer.actor]) {
      expect((await refusal(listSiteDocuments(db, stranger, siteId))).status).toBe(404);
      expect((await refusal(addSiteDocument(db, stranger, siteId, upload(pdf())))).status).toBe(404);
      expect((await refusal(removeSiteDocument(db, stranger, document.id))).status).toBe(404);
      expect(await readSiteDocument(db, stranger, document.id)).toBeNull();
    }
    expect(await readSiteDocument(db, null, document.id)).toBeNull();

    expect((await listSiteDocuments(db, admin.actor, siteId)).map((d) => d.id)).toEqual([document.id]);
    expect((await listDocumentsForSites(db, admin.actor, [siteId])).get(siteId)?.map((d) => d.id)).toEqual([document.id]);
    expect((await readSiteDocument(db, admin.actor, document.id))?.contentType).toBe("application/pdf");
    expect((await refusal(addSiteDocument(db, admin.actor, siteId, upload(pdf())))).status).toBe(403);
    expect((await refusal(removeSiteDocument(db, admin.actor, document.id))).status).toBe(403);
    expect((await refusal(listDocumentsForSites(db, actor, [siteId]))).status).toBe(403);
    expect(await rowCount(siteId)).toBe(1);
  });

  it("removes the row and then the file", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const document = await addSiteDocument(db, actor, siteId, upload(pdf()));
    const [row] = await db.select({ key: siteDocuments.storageKey }).from(siteDocuments).where(eq(siteDocuments.id, document.id));
    const file = path.join(uploadDir, row!.key);
    expect(fs.existsSync(file)).toBe(true);
    expect(await removeSiteDocument(db, actor, document.id)).toEqual({ siteId });
    expect(fs.existsSync(file)).toBe(false);
    expect(await listSiteDocuments(db, actor, siteId)).toEqual([]);
    expect((await refusal(removeSiteDocument(db, actor, document.id))).status).toBe(404);
  });

  it("answers not found for unknown and malformed ids", async () => {
    const { db, actor } = await minerWithSite();
    expect((await refusal(addSiteDocument(db, actor, randomUUID(), upload(pdf())))).status).toBe(404);
    expect((await refusal(listSiteDocuments(db, actor, "not-a-uuid"))).status).toBe(404);
    expect((await refusal(removeSiteDocument(db, actor, "../../etc/passwd"))).status).toBe(404);
    expect(await readSiteDocument(db, actor, "1 or 1=1")).toBeNull();
  });
});

describe("GET /api/files/site-documents/{documentId}", () => {
  const get = (documentId: string, token?: string) =>
    GET(new Request(`http://127.0.0.1:3000/api/files/site-documents/${documentId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), {
      params: Promise.resolve({ documentId }),
    });

  it("downloads a PDF as an attachment to the owner and admins, never cached, sniffed or run", async () => {
    const { db, actor, siteId, token } = await minerWithSite();
    const document = await addSiteDocument(db, actor, siteId, upload(pdf(), "Interconnection – signed", "interconnection_agreement"));
    const admin = await makeAdminWithToken();
    for (const caller of [token, admin.token]) {
      const response = await get(document.id, caller);
      expect(response.status).toBe(200);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        "content-type": "application/pdf",
        "content-length": String(pdf().length),
        "content-disposition": `attachment; filename="Interconnection _ signed.pdf"; filename*=UTF-8''Interconnection%20%E2%80%93%20signed.pdf`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
        "cache-control": "private, no-store",
      });
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(pdf()))).toBe(true);
    }
  });

  it("shows an image inline", async () => {
    const { db, actor, siteId, token } = await minerWithSite();
    const document = await addSiteDocument(db, actor, siteId, upload(webp(), "yard.webp", "photo"));
    const response = await get(document.id, token);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="yard.webp"; filename*=UTF-8''yard.webp`);
  });

  it("answers 404 to another miner, a buyer and a visitor, in the API error shape", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const document = await addSiteDocument(db, actor, siteId, upload(pdf()));
    const otherMiner = await makeAccount("miner");
    const buyer = await makeAccount("buyer");
    for (const caller of [otherMiner.token, buyer.token, undefined]) {
      const response = await get(document.id, caller);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "Document was not found." } });
    }
  });
});
