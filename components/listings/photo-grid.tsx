import type { SitePhoto } from "@/db/queries/site-photos";
import { cn } from "@/components/ui/cn";

/** The site's photos, the first one large; the caption is the alt text, the site's name stands in without one. */
export function PhotoGrid({ photos, siteName }: { photos: SitePhoto[]; siteName: string }) {
  if (photos.length === 0) return null;
  // One photo fills the row and two share it; from three on, the first leads and the rest are thumbnails.
  const cell = (index: number) =>
    photos.length === 1 ? "col-span-2 sm:col-span-4" : photos.length === 2 || index === 0 ? "col-span-2 sm:row-span-2" : "";
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {photos.map((photo, index) => (
        <li key={photo.id} className={cn("overflow-hidden rounded-lg bg-slate-100", cell(index))}>
          {/* Served by our own route with the stored type; next/image would fetch and re-encode them. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={photo.url}
            alt={photo.caption || `${siteName}, photo ${index + 1} of ${photos.length}`}
            loading={index === 0 ? "eager" : "lazy"}
            className={cn("h-full w-full object-cover", photos.length === 1 ? "aspect-video" : "aspect-[4/3]")}
          />
        </li>
      ))}
    </ul>
  );
}
