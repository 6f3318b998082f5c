// Where uploaded files live, behind one small interface: the local disk today, an object
// store later, without callers noticing. Keys are always made here, never from user input.
import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { createLocalDiskStore } from "./local-disk";
import { EXTENSIONS, type SniffedType } from "./sniff";

export type StoredFile = { bytes: Uint8Array<ArrayBuffer>; contentType: string };

export interface FileStore {
  /** Stores the bytes under the key, all or nothing; an existing key is replaced. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file, or null when nothing is stored under the key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/** A fresh key, `<kind>/<uuid>.<ext>`, e.g. `site-photos/0f…c1.webp`. */
export function newStorageKey(kind: "site-photos" | "site-documents", contentType: SniffedType): string {
  return `${kind}/${randomUUID()}.${EXTENSIONS[contentType]}`;
}

let store: FileStore | undefined;

/** The process's file store, rooted at UPLOAD_DIR. */
export function getFileStore(): FileStore {
  store ??= createLocalDiskStore(env.uploadDir);
  return store;
}
