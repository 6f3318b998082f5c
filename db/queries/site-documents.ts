// Site evidence documents (interconnection agreement, power contract, photos, other): what
// an admin reviews before granting the verified badge. Private to the site's organization
// and admins; everyone else gets not-found. Every upload is checked by its bytes (PDF, JPEG,
// PNG or WebP), at most 10 MB, 20 per site. A row exists only for a file that was fully written.
import { isUuid } from "@/lib/ids";
import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db";
import { siteDocuments, sites, users } from "@/db/schema";
import { assertCanReadOrg, assertRole, canReadOrg, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { getFileStore } from "@/lib/storage";
import type { SniffedType } from "@/lib/storage/sniff";
import { assertCanWriteSite, checkFile, removeSiteFile, shortFileName, siteOrganization, storeSiteFile, type FileRules, type SiteFileKind } from "./site-files";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_SITE = 20;
const DOCUMENT_TYPES: ReadonlySet<SniffedType> = new Set(["application/pdf", "image/jpeg", "image/png", "image/webp"]);

export const DOCUMENT_KINDS = ["interconnection_agreement", "power_contract", "photo", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  interconnection_agreement: "Interconnection agreement",
  power_contract: "Power contract",
  photo: "Photo",
  other: "Other evidence",
};
const kindSchema = z.enum(DOCUMENT_KINDS, { error: "Choose what the document is." });

export type SiteDocument = {
  id: string;
  siteId: string;
  kind: DocumentKind;
  kindLabel: string;
  filename: string;
  contentType: string;
  bytes: number;
  url: string;
  uploadedByName: string | null;
  createdAt: Date;
};

export type DocumentUpload = { bytes: Uint8Array; declaredName: string; kind: unknown };

export const siteDocumentUrl = (documentId: string) => `/api/files/site-documents/${documentId}`;

const listColumns = {
  id: siteDocuments.id,
  siteId: siteDocuments.siteId,
  kind: siteDocuments.kind,
  filename: siteDocuments.filename,
  contentType: siteDocuments.contentType,
  bytes: siteDocuments.bytes,
  uploadedByName: users.name,
  createdAt: siteDocuments.createdAt,
};

function toSiteDocument(row: Omit<SiteDocument, "url" | "kindLabel">): SiteDocument {
  return { ...row, kindLabel: DOCUMENT_KIND_LABELS[row.kind], url: siteDocumentUrl(row.id) };
}

/** The base name only, without control characters, at most 120 characters (keeping the extension). */
function cleanFilename(declaredName: string): string {
  const base = (declaredName.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"]/g, "").replace(/\s+/g, " ").trim();
  if (!base) return "";
  if (base.length <= 120) return base;
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return `${base.slice(0, 119 - ext.length)}…${ext}`;
}

const DOCUMENTS: SiteFileKind = {
  table: siteDocuments,
  folder: "site-documents",
  entity: "Document",
  maxPerSite: MAX_DOCUMENTS_PER_SITE,
};

const DOCUMENT_RULES: FileRules = { field: "document", types: DOCUMENT_TYPES, maxBytes: MAX_DOCUMENT_BYTES };

function checkUpload(file: DocumentUpload): { contentType: SniffedType; kind: DocumentKind; filename: string } {
  const kind = kindSchema.safeParse(file.kind);
  if (!kind.success) throw AppError.validation({ kind: "Choose what the document is." });
  const filename = cleanFilename(file.declaredName);
  const name = shortFileName(filename);
  const contentType = checkFile(file.bytes, DOCUMENT_RULES, {
    empty: filename ? `${name} is empty.` : "Choose a file to upload.",
    wrongType: `Upload a PDF, JPEG, PNG or WebP file. ${name} is not one.`,
    tooBig: (megabytes) => `${name} is ${megabytes} MB. Documents can be at most 10 MB each.`,
  });
  return { contentType, kind: kind.data, filename: filename || `document.${contentType === "application/pdf" ? "pdf" : contentType.slice(6)}` };
}

/** The site's documents, newest first, for its organization and admins; 404 for anyone else. */
export async function listSiteDocuments(db: Executor, actor: Actor, siteId: string): Promise<SiteDocument[]> {
  const organizationId = await siteOrganization(db, siteId);
  if (!organizationId) throw AppError.notFound("Site");
  assertCanReadOrg(actor, organizationId, "Site");
  const rows = await db
    .select(listColumns)
    .from(siteDocuments)
    .leftJoin(users, eq(users.id, siteDocuments.uploadedBy))
    .where(eq(siteDocuments.siteId, siteId))
    .orderBy(desc(siteDocuments.createdAt), desc(siteDocuments.id));
  return rows.map(toSiteDocument);
}

/** Documents of many sites at once, for the admins' review page. */
export async function listDocumentsForSites(db: Executor, actor: Actor, siteIds: string[]): Promise<Map<string, SiteDocument[]>> {
  assertRole(actor, "admin");
  const bySite = new Map<string, SiteDocument[]>();
  const ids = siteIds.filter((id) => isUuid(id));
  if (ids.length === 0) return bySite;
  const rows = await db
    .select(listColumns)
    .from(siteDocuments)
    .leftJoin(users, eq(users.id, siteDocuments.uploadedBy))
    .where(inArray(siteDocuments.siteId, ids))
    .orderBy(desc(siteDocuments.createdAt), desc(siteDocuments.id));
  for (const row of rows) {
    const list = bySite.get(row.siteId) ?? [];
    list.push(toSiteDocument(row));
    bySite.set(row.siteId, list);
  }
  return bySite;
}

/** Adds a document to one of the actor's organization's sites. */
export async function addSiteDocument(db: Executor, actor: Actor, siteId: string, file: DocumentUpload): Promise<SiteDocument> {
  await assertCanWriteSite(db, actor, siteId);
  const { contentType, kind, filename } = checkUpload(file);
  return storeSiteFile(db, DOCUMENTS, siteId, { bytes: file.bytes, contentType }, async (tx, storageKey) => {
    const [inserted] = await tx
      .insert(siteDocuments)
      .values({ siteId, kind, filename, storageKey, contentType, bytes: file.bytes.length, uploadedBy: actor.userId })
      .returning({ id: siteDocuments.id });
    // Read back inside the transaction, so a failed read also removes the file and the row.
    const [row] = await tx.select(listColumns).from(siteDocuments).leftJoin(users, eq(users.id, siteDocuments.uploadedBy)).where(eq(siteDocuments.id, inserted!.id));
    return toSiteDocument(row!);
  });
}

/** Removes a document: the row first (it disappears at once), then its file. */
export async function removeSiteDocument(db: Executor, actor: Actor, documentId: string): Promise<{ siteId: string }> {
  return removeSiteFile(db, actor, DOCUMENTS, documentId);
}

/** A document's bytes for its organization and admins, or null (unknown, malformed, or not theirs). */
export async function readSiteDocument(
  db: Executor,
  actor: Actor | null,
  documentId: string,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string; filename: string } | null> {
  if (!actor || !isUuid(documentId)) return null;
  const [document] = await db
    .select({ storageKey: siteDocuments.storageKey, contentType: siteDocuments.contentType, filename: siteDocuments.filename, organizationId: sites.organizationId })
    .from(siteDocuments)
    .innerJoin(sites, eq(sites.id, siteDocuments.siteId))
    .where(eq(siteDocuments.id, documentId))
    .limit(1);
  if (!document || !canReadOrg(actor, document.organizationId)) return null;
  const file = await getFileStore().get(document.storageKey);
  if (!file) {
    console.error("a site document's file is missing", document.storageKey);
    return null;
  }
  return { bytes: file.bytes, contentType: document.contentType, filename: document.filename };
}
