// Serves a site's evidence document to its organization and admins; everyone else, signed
// in or not, gets not-found. Uploaded bytes are hostile even after sniffing: PDFs download
// rather than render in our origin, and nothing served here may run or be re-typed.
import { getDb } from "@/db";
import { readSiteDocument } from "@/db/queries/site-documents";
import { callerOf } from "@/lib/api/handler";
import { AppError, toResponse } from "@/lib/errors";

const EXTENSION: Record<string, string> = { "application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp" };

/** RFC 6266: a plain-ASCII fallback name and the exact UTF-8 name, with the real type's extension. */
function disposition(kind: "attachment" | "inline", filename: string, contentType: string): string {
  const ext = EXTENSION[contentType] ?? "";
  const name = ext && !filename.toLowerCase().endsWith(ext) && !(ext === ".jpg" && /\.jpe?g$/i.test(filename)) ? `${filename}${ext}` : filename;
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function GET(request: Request, context: { params: Promise<{ documentId: string }> }): Promise<Response> {
  try {
    const { documentId } = await context.params;
    const caller = await callerOf(request);
    const document = await readSiteDocument(await getDb(), caller?.actor ?? null, documentId);
    if (!document) throw AppError.notFound("Document");
    const isPdf = document.contentType === "application/pdf";
    return new Response(document.bytes, {
      headers: {
        "Content-Type": document.contentType,
        "Content-Length": String(document.bytes.length),
        "Content-Disposition": disposition(isPdf ? "attachment" : "inline", document.filename, document.contentType),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
        // Private evidence: never kept by a shared cache, nor by the browser after the tab.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return toResponse(error);
  }
}
