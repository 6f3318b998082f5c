// Serves a site photo's bytes to whoever may see them. Uploaded bytes are treated as
// hostile even after sniffing: the browser must never guess another type or run anything.
import { getDb } from "@/db";
import { readSitePhoto } from "@/db/queries/site-photos";
import { callerOf } from "@/lib/api/handler";
import { AppError, toResponse } from "@/lib/errors";

// A photo's bytes never change under its id, but its site can be unpublished: a day bounds
// how long a shared cache may keep showing it.
const PUBLIC_CACHE = "public, max-age=86400";
const PRIVATE_CACHE = "private, max-age=300";

export async function GET(request: Request, context: { params: Promise<{ photoId: string }> }): Promise<Response> {
  try {
    const { photoId } = await context.params;
    const db = await getDb();
    // Published photos need no session, so most requests skip the caller lookup.
    let photo = await readSitePhoto(db, null, photoId);
    if (!photo) {
      const caller = await callerOf(request);
      photo = caller ? await readSitePhoto(db, caller.actor, photoId) : null;
    }
    if (!photo) throw AppError.notFound("Photo");
    return new Response(photo.bytes, {
      headers: {
        "Content-Type": photo.contentType,
        "Content-Length": String(photo.bytes.length),
        "Content-Disposition": "inline",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
        "Cache-Control": photo.isPublic ? PUBLIC_CACHE : PRIVATE_CACHE,
      },
    });
  } catch (error) {
    return toResponse(error);
  }
}
