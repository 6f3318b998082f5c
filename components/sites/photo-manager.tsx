"use client";

import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionState, useId, type FormEvent } from "react";
import { ImageIcon } from "lucide-react";
import type { SitePhoto } from "@/db/queries/site-photos";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, FileInputField } from "@/components/ui/field";
import { useFilePrecheck, type FilePrecheckRules } from "./file-precheck";
import { removeSitePhotoAction, uploadSitePhotoAction } from "./photo-actions";

// Mirrors the server's rules (db/queries/site-photos.ts) for a quicker message only.
const MAX_PHOTOS = 10;
const PHOTO_RULES: FilePrecheckRules = {
  accept: ["image/jpeg", "image/png", "image/webp"],
  maxBytes: 5 * 1024 * 1024,
  missing: "Choose a photo to upload.",
  wrongType: (name) => `Upload a JPEG, PNG or WebP image. ${name} is not one.`,
  tooBig: (name, mb) => `${name} is ${mb} MB. Photos can be at most 5 MB each.`,
};

export type PhotoManagerPhoto = Pick<SitePhoto, "id" | "url" | "caption">;

export type PhotoManagerProps = {
  siteId: string;
  photos: PhotoManagerPhoto[];
  /** Shows the photos without upload and remove controls (e.g. for admins). */
  readOnly?: boolean;
};

const altOf = (photo: PhotoManagerPhoto, index: number) => photo.caption || `Site photo ${index + 1}`;

/** A site's photo grid with upload and removal, for the members of the site's organization. */
export function PhotoManager({ siteId, photos, readOnly = false }: PhotoManagerProps) {
  const full = photos.length >= MAX_PHOTOS;
  return (
    <section aria-labelledby={`photos-${siteId}`} className="space-y-4">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id={`photos-${siteId}`} className="text-lg font-semibold text-slate-900">
          Photos
        </h2>
        <p aria-live="polite" className="text-sm text-slate-600">
          {photos.length} of {MAX_PHOTOS} photos
        </p>
      </div>
      {photos.length === 0 ? (
        <EmptyState icon={<ImageIcon className="h-8 w-8" />} title="No photos yet">
          AI teams want to see the halls, the substation and the cooling before they call.
          {!readOnly && " Add up to 10 photos: JPEG, PNG or WebP, at most 5 MB each."}
        </EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {photos.map((photo, index) => (
            <li key={photo.id} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
              <figure>
                {/* Not next/image: its optimizer fetches without the viewer's session, so unpublished photos would break. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={photo.url} alt={altOf(photo, index)} loading="lazy" className="aspect-[4/3] w-full bg-slate-100 object-cover" />
                {photo.caption && <figcaption className="px-3 pt-3 text-sm text-slate-700">{photo.caption}</figcaption>}
              </figure>
              {!readOnly && (
                <div className="flex justify-end p-2">
                  <RemovePhotoButton photoId={photo.id} label={altOf(photo, index)} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly &&
        (full ? (
          <Alert tone="info">This site has {MAX_PHOTOS} photos, the most it can have. Remove one to add another.</Alert>
        ) : (
          <UploadPhotoForm siteId={siteId} />
        ))}
    </section>
  );
}

function UploadPhotoForm({ siteId }: { siteId: string }) {
  const [state, formAction] = useActionState(uploadSitePhotoAction, null);
  const { inputRef: fileInput, error: fileError, onChange: onFileChange, check: checkFile } = useFilePrecheck(PHOTO_RULES);
  const id = useId();
  const failed = state && !state.ok ? state : null;
  const photoError = fileError ?? failed?.fields?.photo;
  const captionError = failed?.fields?.caption;
  const otherError = failed && !photoError && !captionError ? failed.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (checkFile()) {
      event.preventDefault();
      fileInput.current?.focus();
    }
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <input type="hidden" name="siteId" value={siteId} />
      {state?.ok && !fileError && <Alert tone="success">{state.message}</Alert>}
      {otherError && <Alert tone="error">{otherError}</Alert>}
      <FileInputField
        id={`${id}-photo`}
        name="photo"
        label="Add a photo"
        hint="JPEG, PNG or WebP, at most 5 MB."
        accept={PHOTO_RULES.accept.join(",")}
        required
        error={photoError ?? undefined}
        ref={fileInput}
        onChange={onFileChange}
      />
      <Field
        id={`${id}-caption`}
        label="Caption (optional)"
        name="caption"
        maxLength={200}
        placeholder="e.g. Immersion hall B, 12 MW"
        defaultValue={failed?.values?.caption}
        error={captionError}
      />
      <SubmitButton pendingLabel="Uploading…" className="">
        Upload photo
      </SubmitButton>
    </form>
  );
}

function RemovePhotoButton({ photoId, label }: { photoId: string; label: string }) {
  return (
    <ConfirmActionButton
      action={removeSitePhotoAction}
      fields={{ photoId }}
      label="Remove"
      accessibleLabel={`Remove “${label}”`}
      confirmLabel="Yes, remove"
      pendingLabel="Removing…"
      confirmAccessibleLabel={`Confirm removing “${label}”`}
    />
  );
}
