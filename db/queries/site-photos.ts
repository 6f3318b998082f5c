// Site photos: who may add, remove and see them, and the limits every upload passes
// (real image type by content, 5 MB each, 10 per site). The bytes live in the file store;
// a row exists only for a file that was fully written.
import { isUuid } from "@/lib/ids";
import "server-only";
import { and, asc, eq, exists, max, sql, type AnyColumn } from "drizzle-orm";
import type { Executor } from "@/db";
import { listings, organizations, sitePhotos, sites } from "@/db/schema";
import { canReadOrg, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { getFileStore } from "@/lib/storage";
import type { SniffedType } from "@/lib/storage/sniff";
import { assertCanWriteSite, checkFile, removeSiteFile, shortFileName, storeSiteFile, type FileRules, type SiteFileKind } from "./site-files";

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

const PHOTOS: SiteFileKind = {
  table: sitePhotos,
  folder: "site-photos",
  entity: "Photo",
  maxPerSite: MAX_PHOTOS_PER_SITE,
};

const PHOTO_RULES: FileRules = { field: "photo", types: PHOTO_TYPES, maxBytes: MAX_PHOTO_BYTES };

/** The upload's real type and its caption, or a message saying what is wrong with it. */
function checkUpload(file: PhotoUpload): { contentType: SniffedType; caption: string } {
  const name = shortFileName(file.declaredName);
  const contentType = checkFile(file.bytes, PHOTO_RULES, {
    empty: file.declaredName ? `${name} is empty.` : "Choose a photo to upload.",
    wrongType: `Upload a JPEG, PNG or WebP image. ${name} is not one.`,
    tooBig: (megabytes) => `${name} is ${megabytes} MB. Photos can be at most 5 MB each.`,
  });
  const caption = (file.caption ?? "").trim();
  if (caption.length > MAX_CAPTION_LENGTH) {
    throw AppError.validation({ caption: `Use at most ${MAX_CAPTION_LENGTH} characters.` });
  }
  return { contentType, caption };
}

/** Adds a photo, placed last, to one of the actor's organization's sites. */
export async function addSitePhoto(db: Executor, actor: Actor, siteId: string, file: PhotoUpload): Promise<SitePhoto> {
  await assertCanWriteSite(db, actor, siteId);
  const { contentType, caption } = checkUpload(file);
  return storeSiteFile(db, PHOTOS, siteId, { bytes: file.bytes, contentType }, async (tx, storageKey) => {
    const [last] = await tx.select({ position: max(sitePhotos.position) }).from(sitePhotos).where(eq(sitePhotos.siteId, siteId));
    const [row] = await tx
      .insert(sitePhotos)
      .values({ siteId, storageKey, contentType, bytes: file.bytes.length, caption, position: (last?.position ?? -1) + 1 })
      .returning(publicColumns);
    return toSitePhoto(row!);
  });
}

/** Removes a photo: the row first (it disappears at once), then its file. */
export async function removeSitePhoto(db: Executor, actor: Actor, photoId: string): Promise<{ siteId: string }> {
  return removeSiteFile(db, actor, PHOTOS, photoId);
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
