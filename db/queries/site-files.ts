// The upload rules site photos and site documents share: a file's type is what its bytes
// say, a site holds a bounded number of them, and a row exists only for a fully written file.
import "server-only";
import { count, eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db";
import { siteDocuments, sitePhotos, sites } from "@/db/schema";
import { assertCanWriteOrg, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { formatMegabytesUp } from "@/lib/format";
import { isUuid } from "@/lib/ids";
import { getFileStore, newStorageKey } from "@/lib/storage";
import { sniffContentType, type SniffedType } from "@/lib/storage/sniff";

/** What differs between the kinds of site file: where they are stored and how many a site may hold. */
export type SiteFileKind = {
  table: typeof sitePhotos | typeof siteDocuments;
  /** The file store's folder for them. */
  folder: "site-photos" | "site-documents";
  /** Named in errors and the log ("Photo", "Document"). */
  entity: string;
  maxPerSite: number;
};

/** A site already holding its most files of a kind. */
const tooMany = (kind: SiteFileKind) => AppError.conflict(`A site can have at most ${kind.maxPerSite} ${kind.entity.toLowerCase()}s. Remove one to add another.`);

/** A file's name for messages: its last path part, not a screenful of it. */
export function shortFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? "";
  return (base.length > 60 ? `${base.slice(0, 57)}…` : base) || "That file";
}

/** The form field an upload's messages belong to, with its allowed types and size. */
export type FileRules = { field: string; types: ReadonlySet<SniffedType>; maxBytes: number };

/** The messages of a refused file, already naming it as the caller shows names. */
export type FileMessages = { empty: string; wrongType: string; tooBig: (megabytes: string) => string };

/** The file's real type, or a validation error on the rules' field saying what is wrong with it. */
export function checkFile(bytes: Uint8Array, rules: FileRules, messages: FileMessages): SniffedType {
  if (bytes.length === 0) throw AppError.validation({ [rules.field]: messages.empty });
  // The name and the browser's type are the sender's claim; only the bytes decide.
  const contentType = sniffContentType(bytes);
  if (!contentType || !rules.types.has(contentType)) throw AppError.validation({ [rules.field]: messages.wrongType });
  if (bytes.length > rules.maxBytes) throw AppError.validation({ [rules.field]: messages.tooBig(formatMegabytesUp(bytes.length)) });
  return contentType;
}

export async function siteOrganization(db: Executor, siteId: string): Promise<string | null> {
  if (!isUuid(siteId)) return null;
  const [site] = await db.select({ organizationId: sites.organizationId }).from(sites).where(eq(sites.id, siteId)).limit(1);
  return site?.organizationId ?? null;
}

/** Refuses an actor who may not change the site's files: not-found for an unknown site. */
export async function assertCanWriteSite(db: Executor, actor: Actor, siteId: string): Promise<void> {
  const organizationId = await siteOrganization(db, siteId);
  if (!organizationId) throw AppError.notFound("Site");
  assertCanWriteOrg(actor, organizationId, "Site");
}

async function fileCount(db: Executor, kind: SiteFileKind, siteId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(kind.table).where(eq(kind.table.siteId, siteId));
  return row?.n ?? 0;
}

/**
 * Writes the file, then lets `insert` add its row while the site is locked and below its
 * limit. The file comes first so a row never points at a missing file; if the row is
 * refused, the file is removed again. Returns what `insert` returns.
 */
export async function storeSiteFile<T>(
  db: Executor,
  kind: SiteFileKind,
  siteId: string,
  file: { bytes: Uint8Array; contentType: SniffedType },
  insert: (tx: Transaction, storageKey: string) => Promise<T>,
): Promise<T> {
  // Spares a full site the disk write; the locked count below is the one that decides.
  if ((await fileCount(db, kind, siteId)) >= kind.maxPerSite) throw tooMany(kind);

  const store = getFileStore();
  const storageKey = newStorageKey(kind.folder, file.contentType);
  await store.put(storageKey, file.bytes, file.contentType);
  try {
    return await db.transaction(async (tx) => {
      // Uploads to one site queue on its row, so two of them cannot both see one below the
      // limit and make one above it. "No key update" still serializes them without blocking
      // other tables' foreign-key checks against the site (listings, documents).
      const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).for("no key update");
      if (!site) throw AppError.notFound("Site");
      if ((await fileCount(tx, kind, siteId)) >= kind.maxPerSite) throw tooMany(kind);
      return insert(tx, storageKey);
    });
  } catch (error) {
    await store.delete(storageKey).catch((cleanup: unknown) => console.error("could not remove a refused upload", storageKey, cleanup));
    throw error;
  }
}

/** Removes a site file for whoever may change its site: the row first (it disappears at once), then its bytes. */
export async function removeSiteFile(db: Executor, actor: Actor, kind: SiteFileKind, fileId: string): Promise<{ siteId: string }> {
  const { table } = kind;
  if (!isUuid(fileId)) throw AppError.notFound(kind.entity);
  const [file] = await db
    .select({ siteId: table.siteId, storageKey: table.storageKey, organizationId: sites.organizationId })
    .from(table)
    .innerJoin(sites, eq(sites.id, table.siteId))
    .where(eq(table.id, fileId))
    .limit(1);
  if (!file) throw AppError.notFound(kind.entity);
  assertCanWriteOrg(actor, file.organizationId, kind.entity);
  const deleted = await db.delete(table).where(eq(table.id, fileId)).returning({ id: table.id });
  if (!deleted.length) throw AppError.notFound(kind.entity);
  // A file left behind is unreferenced and harmless; the removal itself has happened.
  await getFileStore()
    .delete(file.storageKey)
    .catch((error: unknown) => console.error(`could not delete a removed ${kind.entity.toLowerCase()}'s file`, file.storageKey, error));
  return { siteId: file.siteId };
}
