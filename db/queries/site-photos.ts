// Site photos: who may add, remove and see them, and the limits every upload passes
// (real image type by content, 5 MB each, 10 per site). The bytes live in the file store;
// a row exists only for a file that was fully written.
import { isUuid } from "@/lib/ids";
import "server-only";
import { and, asc, count, eq, exists, max, sql, type AnyColumn } from "drizzle-orm";
import type { Executor } from "@/db";
import { listings, organizations, sitePhotos, sites } from "@/db/schema";
import { assertCanWriteOrg, canReadOrg, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { getFileStore, newStorageKey } from "@/lib/storage";
import { sniffContentType, type SniffedType } from "@/lib/storage/sniff";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_SITE = 10;
export const MAX_CAPTION_LENGTH = 200;
const PHOTO_TYPES: ReadonlySet<SniffedType> = new Set(["image/jpeg", "image/png", "image/webp"]);


export type SitePhoto = {
  id: string;
  url: string;
  contentType: string;
  bytes: number;
  caption: string;
  position: number;
};

export type PhotoUpload = { bytes: Uint8Array; declaredName: string; caption?: string };

export const sitePhotoUrl = (photoId: string) => `/api/files/site-photos/${photoId}`;

const publicColumns = {
  id: sitePhotos.id,
  contentType: sitePhotos.contentType,
  bytes: sitePhotos.bytes,
  caption: sitePhotos.caption,
  position: sitePhotos.position,
};

/** A published listing of an active organization at the site: what makes a site public. */
function publishedListingOf(db: Executor, siteId: AnyColumn) {
  return db
    .select({ one: sql`1` })
    .from(listings)
    .innerJoin(organizations, eq(organizations.id, listings.organizationId))
    .where(and(eq(listings.siteId, siteId), eq(listings.status, "published"), eq(organizations.status, "active")));
}

function toSitePhoto(row: Omit<SitePhoto, "url">): SitePhoto {
  return { ...row, url: sitePhotoUrl(row.id) };
}

/**
 * The site's photos in display order, for whoever may see the site: anyone once one of its
 * listings is published by an active organization, otherwise its organization and admins.
 */
export async function listSitePhotos(db: Executor, actor: Actor | null, siteId: string): Promise<SitePhoto[]> {
  if (!isUuid(siteId)) return [];
  const [site] = await db
    .select({ organizationId: sites.organizationId, isPublic: sql<boolean>`${exists(publishedListingOf(db, sites.id))}` })
    .from(sites)
    .where(eq(sites.id, siteId));
  if (!site || (!site.isPublic && !(actor && canReadOrg(actor, site.organizationId)))) return [];
  const rows = await db
    .select(publicColumns)
    .from(sitePhotos)
    .where(eq(sitePhotos.siteId, siteId))
    .orderBy(asc(sitePhotos.position), asc(sitePhotos.createdAt));
  return rows.map(toSitePhoto);
}

/** A name fit for a message: the base name only, and not a screenful of it. */
function displayName(declaredName: string): string {
  const base = declaredName.split(/[\\/]/).pop()?.trim() ?? "";
  if (!base) return "That file";
  return base.length > 60 ? `${base.slice(0, 57)}…` : base;
}

/** Megabytes rounded up, so 5 MB and one byte never reads as "5.00 MB". */
const megabytes = (bytes: number) => (Math.ceil((bytes / (1024 * 1024)) * 100) / 100).toFixed(2);

const tooMany = () =>
  AppError.conflict(`A site can have at most ${MAX_PHOTOS_PER_SITE} photos. Remove one to add another.`);

/** The upload's real type and its caption, or a message saying what is wrong with it. */
function checkUpload(file: PhotoUpload): { contentType: SniffedType; caption: string } {
  const name = displayName(file.declaredName);
  if (file.bytes.length === 0) {
    throw AppError.validation({ photo: file.declaredName ? `${name} is empty.` : "Choose a photo to upload." });
  }
  // The name and the browser's type are the sender's claim; only the bytes decide.
  const contentType = sniffContentType(file.bytes);
  if (!contentType || !PHOTO_TYPES.has(contentType)) {
    throw AppError.validation({ photo: `Upload a JPEG, PNG or WebP image. ${name} is not one.` });
  }
  if (file.bytes.length > MAX_PHOTO_BYTES) {
    throw AppError.validation({ photo: `${name} is ${megabytes(file.bytes.length)} MB. Photos can be at most 5 MB each.` });
  }
  const caption = (file.caption ?? "").trim();
  if (caption.length > MAX_CAPTION_LENGTH) {
    throw AppError.validation({ caption: `Use at most ${MAX_CAPTION_LENGTH} characters.` });
  }
  return { contentType, caption };
}

async function siteOrganization(db: Executor, siteId: string): Promise<string | null> {
  if (!isUuid(siteId)) return null;
  const [site] = await db.select({ organizationId: sites.organizationId }).from(sites).where(eq(sites.id, siteId)).limit(1);
  return site?.organizationId ?? null;
}

async function photoCount(db: Executor, siteId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sitePhotos).where(eq(sitePhotos.siteId, siteId));
  return row?.n ?? 0;
}

/**
 * Adds a photo to one of the actor's organization's sites. The file is written first and
 * the row second, so a row never points at a missing file; if the row is refused, the
 * file is removed again.
 */
export async function addSitePhoto(db: Executor, actor: Actor, siteId: string, file: PhotoUpload): Promise<SitePhoto> {
  const organizationId = await siteOrganization(db, siteId);
  if (!organizationId) throw AppError.notFound("Site");
  assertCanWriteOrg(actor, organizationId, "Site");
  const { contentType, caption } = checkUpload(file);
  // Spares a full site the disk write; the locked count below is the one that decides.
  if ((await photoCount(db, siteId)) >= MAX_PHOTOS_PER_SITE) throw tooMany();

  const store = getFileStore();
  const storageKey = newStorageKey("site-photos", contentType);
  await store.put(storageKey, file.bytes, contentType);
  try {
    return await db.transaction(async (tx) => {
      // Uploads to one site queue on its row, so two of them cannot both see 9 and make 11.
      // "No key update" still serializes them without blocking other tables' foreign-key
      // checks against the site (listings, documents).
      const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).for("no key update");
      if (!site) throw AppError.notFound("Site");
      const [stats] = await tx
        .select({ n: count(), last: max(sitePhotos.position) })
        .from(sitePhotos)
        .where(eq(sitePhotos.siteId, siteId));
      if ((stats?.n ?? 0) >= MAX_PHOTOS_PER_SITE) throw tooMany();
      const [row] = await tx
        .insert(sitePhotos)
        .values({ siteId, storageKey, contentType, bytes: file.bytes.length, caption, position: (stats?.last ?? -1) + 1 })
        .returning(publicColumns);
      return toSitePhoto(row!);
    });
  } catch (error) {
    await store.delete(storageKey).catch((cleanup: unknown) => console.error("could not remove a refused upload", storageKey, cleanup));
    throw error;
  }
}

/** Removes a photo: the row first (it disappears at once), then its file. */
export async function removeSitePhoto(db: Executor, actor: Actor, photoId: string): Promise<{ siteId: string }> {
  if (!isUuid(photoId)) throw AppError.notFound("Photo");
  const [photo] = await db
    .select({ siteId: sitePhotos.siteId, storageKey: sitePhotos.storageKey, organizationId: sites.organizationId })
    .from(sitePhotos)
    .innerJoin(sites, eq(sites.id, sitePhotos.siteId))
    .where(eq(sitePhotos.id, photoId))
    .limit(1);
  if (!photo) throw AppError.notFound("Photo");
  assertCanWriteOrg(actor, photo.organizationId, "Photo");
  const deleted = await db.delete(sitePhotos).where(eq(sitePhotos.id, photoId)).returning({ id: sitePhotos.id });
  if (!deleted.length) throw AppError.notFound("Photo");
  // A file left behind is unreferenced and harmless; the removal itself has happened.
  await getFileStore()
    .delete(photo.storageKey)
    .catch((error: unknown) => console.error("could not delete a removed photo's file", photo.storageKey, error));
  return { siteId: photo.siteId };
}

/**
 * A photo's bytes for whoever may see it, or null (unknown, malformed id, or not visible).
 * Anyone may see the photos of a site with a published listing of an active organization;
 * otherwise only the site's organization and admins. `isPublic` lets the caller cache.
 */
export async function readSitePhoto(
  db: Executor,
  actor: Actor | null,
  photoId: string,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string; isPublic: boolean } | null> {
  if (!isUuid(photoId)) return null;
  const publishedListing = publishedListingOf(db, sitePhotos.siteId);
  const [photo] = await db
    .select({
      storageKey: sitePhotos.storageKey,
      contentType: sitePhotos.contentType,
      organizationId: sites.organizationId,
      isPublic: sql<boolean>`${exists(publishedListing)}`,
    })
    .from(sitePhotos)
    .innerJoin(sites, eq(sites.id, sitePhotos.siteId))
    .where(eq(sitePhotos.id, photoId))
    .limit(1);
  if (!photo) return null;
  if (!photo.isPublic && !(actor && canReadOrg(actor, photo.organizationId))) return null;
  const file = await getFileStore().get(photo.storageKey);
  if (!file) {
    console.error("a site photo's file is missing", photo.storageKey);
    return null;
  }
  return { bytes: file.bytes, contentType: photo.contentType, isPublic: photo.isPublic };
}
