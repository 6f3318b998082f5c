// The file store on a local folder. Writes go to a temporary file that is renamed into
// place, so a reader never sees half a photo and a crash leaves no truncated file behind.
import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { FileStore } from "./index";
import { EXTENSIONS } from "./sniff";

const TYPE_BY_EXTENSION = new Map(Object.entries(EXTENSIONS).map(([type, ext]) => [ext, type]));

/** The key's path under root; refuses anything that could step outside it. */
function pathOf(root: string, key: string): string {
  const segments = key.split("/");
  const unsafe =
    key.includes("\\") ||
    key.includes("\0") ||
    path.isAbsolute(key) ||
    segments.some((s) => s === "" || s === "." || s === ".." || s.startsWith("."));
  const full = path.resolve(root, key);
  if (unsafe || !full.startsWith(root + path.sep)) throw new Error(`Refusing unsafe storage key ${JSON.stringify(key)}`);
  return full;
}

function contentTypeOf(key: string): string {
  return TYPE_BY_EXTENSION.get(path.extname(key).slice(1)) ?? "application/octet-stream";
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

export function createLocalDiskStore(rootFolder: string): FileStore {
  const root = path.resolve(rootFolder);
  return {
    async put(key, bytes, contentType) {
      const target = pathOf(root, key);
      // The type is recorded by the key's extension, so the two must agree.
      if (contentTypeOf(key) !== contentType) throw new Error(`Key ${key} does not match ${contentType}`);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // A dot-name in the same folder: same filesystem (so rename is atomic), never a valid key.
      const temporary = path.join(path.dirname(target), `.${randomUUID()}.tmp`);
      try {
        await fs.writeFile(temporary, bytes, { flag: "wx" });
        await fs.rename(temporary, target);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        const bytes = new Uint8Array(await fs.readFile(pathOf(root, key)));
        return { bytes, contentType: contentTypeOf(key) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(pathOf(root, key), { force: true });
    },
  };
}
