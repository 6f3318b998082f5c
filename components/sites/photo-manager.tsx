"use client";

import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { useActionState, useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { ImageIcon, Loader2 } from "lucide-react";
import type { SitePhoto } from "@/db/queries/site-photos";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { removeSitePhotoAction, uploadSitePhotoAction } from "./photo-actions";

// Mirrors the server's rules (db/queries/site-photos.ts) for a quicker message only: the
// browser's type comes from the file name, so the server, reading the bytes, decides.
const MAX_PHOTOS = 10;
const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED_TYPES = ["image/jpeg", "image/png", "image/webp"];

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

/** The quick check before sending: a message now instead of after a 5 MB upload. */
function precheck(file: File | undefined): string | null {
  if (!file || (file.size === 0 && !file.name)) return "Choose a photo to upload.";
  if (file.type && !ACCEPTED_TYPES.includes(file.type)) return `Upload a JPEG, PNG or WebP image. ${file.name} is not one.`;
  if (file.size > MAX_BYTES) {
    const mb = (Math.ceil((file.size / (1024 * 1024)) * 100) / 100).toFixed(2);
    return `${file.name} is ${mb} MB. Photos can be at most 5 MB each.`;
  }
  return null;
}

function UploadPhotoForm({ siteId }: { siteId: string }) {
  const [state, formAction, pending] = useActionState(uploadSitePhotoAction, null);
  const [clientError, setClientError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();
  const failed = state && !state.ok ? state : null;
  const photoError = clientError ?? failed?.fields?.photo;
  const captionError = failed?.fields?.caption;
  const otherError = failed && !photoError && !captionError ? failed.error : null;

  function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setClientError(file ? precheck(file) : null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problem = precheck(fileInput.current?.files?.[0]);
    setClientError(problem);
    if (problem) {
      event.preventDefault();
      fileInput.current?.focus();
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <input type="hidden" name="siteId" value={siteId} />
      {state?.ok && !clientError && <Alert tone="success">{state.message}</Alert>}
      {otherError && <Alert tone="error">{otherError}</Alert>}
      <div className="space-y-1.5">
        <label htmlFor={`${id}-photo`} className="block text-sm font-medium text-slate-800">
          Add a photo
        </label>
        <input
          ref={fileInput}
          id={`${id}-photo`}
          name="photo"
          type="file"
          accept={ACCEPTED_TYPES.join(",")}
          required
          onChange={onFileChange}
          aria-invalid={photoError ? true : undefined}
          aria-describedby={photoError ? `${hintId} ${errorId}` : hintId}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-100"
        />
        <p id={hintId} className="text-xs text-slate-600">
          JPEG, PNG or WebP, at most 5 MB.
        </p>
        {photoError && (
          <p id={errorId} className="text-sm text-red-700">
            {photoError}
          </p>
        )}
      </div>
      <Field
        id={`${id}-caption`}
        label="Caption (optional)"
        name="caption"
        maxLength={200}
        placeholder="e.g. Immersion hall B, 12 MW"
        defaultValue={failed?.values?.caption}
        error={captionError}
      />
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? (
          <>
            <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> Uploading…
          </>
        ) : (
          "Upload photo"
        )}
      </Button>
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
