"use client";

import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionState, useId, useState, type FormEvent } from "react";
import { FileText, Lock } from "lucide-react";
import type { SiteDocument } from "@/db/queries/site-documents";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { FileInputField, SelectField } from "@/components/ui/field";
import { formatBytes, formatUtcDate } from "@/lib/format";
import { removeSiteDocumentAction, uploadSiteDocumentAction } from "./document-actions";
import { useFilePrecheck, type FilePrecheckRules } from "./file-precheck";

// Mirrors the server's rules (db/queries/site-documents.ts) for a quicker message only.
const MAX_DOCUMENTS = 20;
const DOCUMENT_RULES: FilePrecheckRules = {
  accept: ["application/pdf", "image/jpeg", "image/png", "image/webp"],
  maxBytes: 10 * 1024 * 1024,
  missing: "Choose a file to upload.",
  wrongType: (name) => `Upload a PDF, JPEG, PNG or WebP file. ${name} is not one.`,
  tooBig: (name, mb) => `${name} is ${mb} MB. Documents can be at most 10 MB each.`,
};
const KIND_OPTIONS = [
  { value: "interconnection_agreement", label: "Interconnection agreement" },
  { value: "power_contract", label: "Power contract" },
  { value: "photo", label: "Photo" },
  { value: "other", label: "Other evidence" },
];

export type DocumentManagerDocument = Pick<SiteDocument, "id" | "kindLabel" | "filename" | "contentType" | "bytes" | "url" | "uploadedByName" | "createdAt">;

export type DocumentManagerProps = {
  siteId: string;
  documents: DocumentManagerDocument[];
  /** Shows the documents without upload and remove controls. */
  readOnly?: boolean;
};

const typeLabel = (contentType: string) => (contentType === "application/pdf" ? "PDF" : contentType.replace("image/", "").toUpperCase());

/** A site's verification evidence, private to its organization and admins, with upload and removal. */
export function DocumentManager({ siteId, documents, readOnly = false }: DocumentManagerProps) {
  const full = documents.length >= MAX_DOCUMENTS;
  return (
    <section aria-labelledby={`documents-${siteId}`} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={`documents-${siteId}`} className="text-lg font-semibold text-slate-900">
          Verification evidence
        </h2>
        <p aria-live="polite" className="text-sm text-slate-600">
          {documents.length} of {MAX_DOCUMENTS} documents
        </p>
      </div>
      <p className="flex items-start gap-2 text-sm text-slate-600">
        <Lock className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
        Only your organization and Substation admins can open these. An admin reviews them and grants the verified badge; changing the site&apos;s power or cooling facts clears it until the next review.
      </p>
      {documents.length === 0 ? (
        <EmptyState icon={<FileText className="h-8 w-8" />} title="No evidence yet">
          Upload the interconnection agreement, the power contract and photos of the halls.
          {!readOnly && " PDF, JPEG, PNG or WebP, at most 10 MB each."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {documents.map((document) => (
            <li key={document.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 text-sm">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{document.kindLabel}</p>
                <p className="truncate text-slate-700">
                  <a href={document.url} target="_blank" rel="noopener" className="underline underline-offset-2 hover:text-slate-900">
                    {document.filename}
                  </a>
                  <span className="text-slate-600">
                    {" "}
                    · {typeLabel(document.contentType)}, {formatBytes(document.bytes)}
                  </span>
                </p>
                <p className="text-xs text-slate-600">
                  Added {formatUtcDate(new Date(document.createdAt))}
                  {document.uploadedByName && <> by {document.uploadedByName}</>}
                </p>
              </div>
              {!readOnly && <RemoveDocumentButton documentId={document.id} label={`${document.kindLabel} ${document.filename}`} />}
            </li>
          ))}
        </ul>
      )}
      {!readOnly &&
        (full ? (
          <Alert tone="info">This site has {MAX_DOCUMENTS} documents, the most it can have. Remove one to add another.</Alert>
        ) : (
          <UploadDocumentForm siteId={siteId} />
        ))}
    </section>
  );
}

function UploadDocumentForm({ siteId }: { siteId: string }) {
  const [state, formAction] = useActionState(uploadSiteDocumentAction, null);
  const [clientKindError, setClientKindError] = useState<string | undefined>();
  const { inputRef: fileInput, error: fileError, onChange: onFileChange, check: checkFile } = useFilePrecheck(DOCUMENT_RULES);
  const id = useId();
  const failed = state && !state.ok ? state : null;
  const kindError = clientKindError ?? failed?.fields?.kind;
  const documentError = fileError ?? failed?.fields?.document;
  const otherError = failed && !kindError && !documentError ? failed.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const kindSelect = event.currentTarget.elements.namedItem("kind") as HTMLSelectElement | null;
    const kindProblem = kindSelect?.value ? undefined : "Choose what the document is.";
    setClientKindError(kindProblem);
    const fileProblem = checkFile();
    if (kindProblem || fileProblem) {
      event.preventDefault();
      (kindProblem ? kindSelect : fileInput.current)?.focus();
    }
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <input type="hidden" name="siteId" value={siteId} />
      {state?.ok && !fileError && <Alert tone="success">{state.message}</Alert>}
      {otherError && <Alert tone="error">{otherError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id={`${id}-kind`} label="What is it?" name="kind" required defaultValue={typeof failed?.values?.kind === "string" ? failed.values.kind : ""} error={kindError}>
          <option value="" disabled>
            Choose…
          </option>
          {KIND_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <FileInputField
          id={`${id}-document`}
          name="document"
          label="File"
          hint="PDF, JPEG, PNG or WebP, at most 10 MB."
          accept={DOCUMENT_RULES.accept.join(",")}
          required
          error={documentError ?? undefined}
          ref={fileInput}
          onChange={onFileChange}
        />
      </div>
      <SubmitButton pendingLabel="Uploading…" className="">
        Upload document
      </SubmitButton>
    </form>
  );
}

function RemoveDocumentButton({ documentId, label }: { documentId: string; label: string }) {
  return (
    <ConfirmActionButton
      action={removeSiteDocumentAction}
      fields={{ documentId }}
      label="Remove"
      accessibleLabel={`Remove “${label}”`}
      confirmLabel="Yes, remove"
      pendingLabel="Removing…"
      confirmAccessibleLabel={`Confirm removing “${label}”`}
    />
  );
}
