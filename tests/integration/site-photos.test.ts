import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { deflateSync, crc32 } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/files/site-photos/[photoId]/route";
import { createAccount } from "@/db/queries/accounts";
import { hashToken } from "@/db/queries/api-tokens";
import { addSitePhoto, listSitePhotos, readSitePhoto, removeSitePhoto } from "@/db/queries/site-photos";
import { apiTokens, organizations, sitePhotos } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validations/auth";
import { testDb, uniqueEmail } from "../support/db";

// lib/env.ts reads UPLOAD_DIR once, at import: it must point at a throwaway folder first.
const uploadDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "substation-uploads-"));
  process.env.UPLOAD_DIR = dir;
  return dir;
});

afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

// Tiny but real images.
function png(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const pixel = deflateSync(Buffer.from([0, 0xf5, 0xc5, 0x18])); // filter byte, then one amber pixel
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", pixel), chunk("IEND", Buffer.alloc(0))]),
  );
}
/** A 1×1 greyscale JFIF. */
const jpeg = () =>
  new Uint8Array(
    Buffer.from(
      "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
      "base64",
    ),
  );
/** A 1×1 lossless WebP. */
const webp = () => new Uint8Array(Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64"));

async function minerWithSite({ published = false } = {}) {
  const db = await testDb();
  const { user, organization } = await createAccount(
    db,
    signUpSchema.parse({
      name: "Photo Miner",
      email: uniqueEmail("photos"),
      password: "a long enough passphrase",
      organizationName: `Photo Mining ${randomUUID().slice(0, 6)}`,
      kind: "miner",
    }),
    "http://x",
  );
  const siteId = randomUUID();
  await db.execute(sql`insert into sites (id, organization_id, name, country, region, latitude, longitude, energized_kw,
      interconnection_status, share_hydro, pue, redundancy)
    values (${siteId}, ${organization.id}, 'Photo Site', 'NO', 'Nordland', 66.3, 14.1, 20000, 'energized', 100, 1.1, 'N+1')`);
  if (published) {
    await db.execute(sql`insert into listings (site_id, organization_id, title, capacity_kw, cooling, max_kw_per_rack, rack_count,
        price_cents_per_kw_month, min_term_months, available_from, available_until, deposit_percent, status, published_at)
      values (${siteId}, ${organization.id}, 'Hydro hall', 5000, 'hydro', 40, 125, 12000, 6, '2027-01-01', '2028-01-01', 20, 'published', now())`);
  }
  const actor: Actor = { userId: user.id, role: "miner", organizationId: organization.id };
  return { db, actor, siteId, organizationId: organization.id, userId: user.id };
}

async function bearerFor(userId: string): Promise<string> {
  const token = `sub_${randomBytes(24).toString("base64url")}`;
  await (await testDb()).insert(apiTokens).values({ userId, name: "photos", tokenHash: hashToken(token), prefix: token.slice(0, 8) });
  return token;
}

const admin: Actor = { userId: randomUUID(), role: "admin", organizationId: null };
const upload = (bytes: Uint8Array, declaredName = "photo.png", caption?: string) => ({ bytes, declaredName, caption });

/** Every file under the upload folder, whichever test wrote it. */
function storedFiles(): string[] {
  const folder = path.join(uploadDir, "site-photos");
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
}

async function rowCount(siteId: string): Promise<number> {
  const rows = await (await testDb()).select({ id: sitePhotos.id }).from(sitePhotos).where(eq(sitePhotos.siteId, siteId));
  return rows.length;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function storagePathOf(photoId: string): Promise<string> {
  const [row] = await (await testDb()).select({ key: sitePhotos.storageKey }).from(sitePhotos).where(eq(sitePhotos.id, photoId));
  return path.join(uploadDir, row!.key);
}

describe("site photo uploads", () => {
  it("stores files under the configured upload folder", () => {
    expect(env.uploadDir).toBe(path.resolve(uploadDir));
  });

  it("accepts a real PNG, JPEG and WebP and gives each back byte-identical with the type its bytes show", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const files = { "image/png": png(), "image/jpeg": jpeg(), "image/webp": webp() };
    // The names lie on purpose: the type comes from the bytes, not the name.
    const added = [
      await addSitePhoto(db, actor, siteId, upload(files["image/png"], "hall.jpeg", "  Immersion hall B  ")),
      await addSitePhoto(db, actor, siteId, upload(files["image/jpeg"], "substation.png")),
      await addSitePhoto(db, actor, siteId, upload(files["image/webp"], "cooling")),
    ];
    expect(added.map((p) => p.contentType)).toEqual(["image/png", "image/jpeg", "image/webp"]);

    for (const photo of added) {
      const read = await readSitePhoto(db, actor, photo.id);
      expect(read?.contentType).toBe(photo.contentType);
      expect(Buffer.from(read!.bytes).equals(Buffer.from(files[photo.contentType as keyof typeof files]))).toBe(true);
      expect(fs.existsSync(await storagePathOf(photo.id))).toBe(true);
    }
    // Until a listing at the site is published, nobody outside its organization sees the list.
    expect(await listSitePhotos(db, null, siteId)).toEqual([]);
    const listed = await listSitePhotos(db, actor, siteId);
    expect(listed).toEqual([
      { id: added[0]!.id, url: `/api/files/site-photos/${added[0]!.id}`, contentType: "image/png", bytes: files["image/png"].length, caption: "Immersion hall B", position: 0 },
      { id: added[1]!.id, url: `/api/files/site-photos/${added[1]!.id}`, contentType: "image/jpeg", bytes: files["image/jpeg"].length, caption: "", position: 1 },
      { id: added[2]!.id, url: `/api/files/site-photos/${added[2]!.id}`, contentType: "image/webp", bytes: files["image/webp"].length, caption: "", position: 2 },
    ]);
    expect(await storagePathOf(added[2]!.id)).toMatch(/site-photos\/[0-9a-f-]{36}\.webp$/);
  });

  it("refuses a text file named photo.jpg, says why, and stores nothing", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const before = storedFiles().length;
    const error = await refusal(addSitePhoto(db, actor, siteId, upload(new TextEncoder().encode("<script>alert(1)</script>"), "photo.jpg")));
    expect(error.status).toBe(400);
    expect(error.fields?.photo).toBe("Upload a JPEG, PNG or WebP image. photo.jpg is not one.");
    expect(await rowCount(siteId)).toBe(0);
    expect(storedFiles().length).toBe(before);
  });

  it("refuses a PDF too: documents are not photos", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const error = await refusal(addSitePhoto(db, actor, siteId, upload(new TextEncoder().encode("%PDF-1.7\n..."), "contract.pdf")));
    expect(error.fields?.photo).toBe("Upload a JPEG, PNG or WebP image. contract.pdf is not one.");
  });

  it("accepts exactly 5 MB and refuses 5 MB and one byte, naming the size", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const big = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(png());
      return bytes;
    };
    await addSitePhoto(db, actor, siteId, upload(big(5 * 1024 * 1024), "exact.png"));
    const before = storedFiles().length;
    const error = await refusal(addSitePhoto(db, actor, siteId, upload(big(5 * 1024 * 1024 + 1), "drone-shot.png")));
    expect(error.status).toBe(400);
    expect(error.fields?.photo).toBe("drone-shot.png is 5.01 MB. Photos can be at most 5 MB each.");
    expect(await rowCount(siteId)).toBe(1);
    expect(storedFiles().length).toBe(before);
  });

  it("refuses the 11th photo of a site and leaves no file behind", async () => {
    const { db, actor, siteId } = await minerWithSite();
    for (let i = 0; i < 10; i++) await addSitePhoto(db, actor, siteId, upload(png()));
    const before = storedFiles().length;
    const error = await refusal(addSitePhoto(db, actor, siteId, upload(png())));
    expect(error.status).toBe(409);
    expect(error.message).toBe("A site can have at most 10 photos. Remove one to add another.");
    expect(await rowCount(siteId)).toBe(10);
    expect(storedFiles().length).toBe(before);
  });

  it("keeps a site at 10 photos when 12 uploads arrive at once, removing the losers' files", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const before = storedFiles().length;
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => addSitePhoto(db, actor, siteId, upload(webp(), `shot-${i}.webp`))));
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as AppError);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(refused.map((e) => e.status)).toEqual([409, 409]);
    expect(await rowCount(siteId)).toBe(10);
    expect(new Set((await listSitePhotos(db, actor, siteId)).map((p) => p.position)).size).toBe(10);
    expect(storedFiles().length).toBe(before + 10);
  });

  it("does not let another organization add, remove or read an unpublished site's photos", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const other = await minerWithSite();
    const photo = await addSitePhoto(db, actor, siteId, upload(png()));

    const adding = await refusal(addSitePhoto(db, other.actor, siteId, upload(png())));
    expect([adding.status, adding.message]).toEqual([404, "Site was not found."]);
    const removing = await refusal(removeSitePhoto(db, other.actor, photo.id));
    expect(removing.status).toBe(404);
    expect(await readSitePhoto(db, other.actor, photo.id)).toBeNull();
    expect(await readSitePhoto(db, null, photo.id)).toBeNull();
    expect(await rowCount(siteId)).toBe(1);
    expect(fs.existsSync(await storagePathOf(photo.id))).toBe(true);
  });

  it("lets admins view every photo but not change them outside admin paths", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const photo = await addSitePhoto(db, actor, siteId, upload(jpeg()));
    expect((await readSitePhoto(db, admin, photo.id))?.contentType).toBe("image/jpeg");
    expect((await refusal(addSitePhoto(db, admin, siteId, upload(png())))).status).toBe(403);
    expect((await refusal(removeSitePhoto(db, admin, photo.id))).status).toBe(403);
  });

  it("answers not found for unknown and malformed ids", async () => {
    const { db, actor } = await minerWithSite();
    expect((await refusal(addSitePhoto(db, actor, randomUUID(), upload(png())))).status).toBe(404);
    expect((await refusal(addSitePhoto(db, actor, "not-a-uuid", upload(png())))).status).toBe(404);
    expect((await refusal(removeSitePhoto(db, actor, "../../etc/passwd"))).status).toBe(404);
    expect(await readSitePhoto(db, actor, randomUUID())).toBeNull();
    expect(await readSitePhoto(db, actor, "1 or 1=1")).toBeNull();
  });

  it("shows a published site's photos to everyone, until its organization is suspended", async () => {
    const { db, actor, siteId, organizationId } = await minerWithSite({ published: true });
    const photo = await addSitePhoto(db, actor, siteId, upload(png()));
    expect(await readSitePhoto(db, null, photo.id)).toMatchObject({ contentType: "image/png", isPublic: true });
    await db.update(organizations).set({ status: "suspended", suspendedAt: new Date() }).where(eq(organizations.id, organizationId));
    expect(await readSitePhoto(db, null, photo.id)).toBeNull();
  });

  it("removes the row and then the file from disk", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const photo = await addSitePhoto(db, actor, siteId, upload(png()));
    const file = await storagePathOf(photo.id);
    expect(fs.existsSync(file)).toBe(true);

    expect(await removeSitePhoto(db, actor, photo.id)).toEqual({ siteId });
    expect(fs.existsSync(file)).toBe(false);
    expect(await listSitePhotos(db, actor, siteId)).toEqual([]);
    expect(await readSitePhoto(db, actor, photo.id)).toBeNull();
    expect((await refusal(removeSitePhoto(db, actor, photo.id))).status).toBe(404);
  });
});

describe("GET /api/files/site-photos/{photoId}", () => {
  const get = (photoId: string, headers: Record<string, string> = {}) =>
    GET(new Request(`http://127.0.0.1:3000/api/files/site-photos/${photoId}`, { headers }), { params: Promise.resolve({ photoId }) });

  it("serves a published photo to anyone with its type, a day's public caching and no room for sniffing or scripts", async () => {
    const { db, actor, siteId } = await minerWithSite({ published: true });
    const bytes = webp();
    const photo = await addSitePhoto(db, actor, siteId, upload(bytes, "hall.webp"));

    const response = await get(photo.id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/webp",
      "content-length": String(bytes.length),
      "content-disposition": "inline",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
      "cache-control": "public, max-age=86400",
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("serves an unpublished photo only to its organization, privately cached", async () => {
    const { db, actor, siteId, userId } = await minerWithSite();
    const other = await minerWithSite();
    const photo = await addSitePhoto(db, actor, siteId, upload(jpeg(), "yard.jpg"));

    const own = await get(photo.id, { authorization: `Bearer ${await bearerFor(userId)}` });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/jpeg");
    expect(own.headers.get("cache-control")).toBe("private, max-age=300");
    expect(Buffer.from(await own.arrayBuffer()).equals(Buffer.from(jpeg()))).toBe(true);

    const foreign = await get(photo.id, { authorization: `Bearer ${await bearerFor(other.userId)}` });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: { code: "not_found", message: "Photo was not found." } });
  });

  it("answers 404 in the API error shape for unknown and malformed ids", async () => {
    const { userId } = await minerWithSite();
    const authorization = `Bearer ${await bearerFor(userId)}`;
    for (const id of [randomUUID(), "not-a-uuid", "..%2F..%2Fetc%2Fpasswd"]) {
      const response = await get(id, { authorization });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });
});
