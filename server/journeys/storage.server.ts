import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

/**
 * Where uploaded files live. A small interface so that a cloud object store can replace the local folder
 * without touching the journey: write a stream under a key (stopping at a size limit), read it back,
 * remove it.
 */
export type FileStore = {
  /**
   * Streams `source` to `key`. Stops writing (and removes what was written) once more than `maxBytes`
   * arrive, but keeps reading the source to its end so the rest of the request can still be parsed.
   */
  write(key: string, source: AsyncIterable<Uint8Array>, opts: { maxBytes: number }): Promise<WriteResult>;
  read(key: string): Readable;
  /** The first and last bytes of a stored file (content checks without reading it all). */
  peek(key: string, opts: { head: number; tail: number }): Promise<{ head: Buffer; tail: Buffer; size: number }>;
  remove(key: string): Promise<void>;
  /** A local path for tools that need one (virus scanners), or null for remote stores. */
  localPath(key: string): string | null;
};

export type WriteResult = { ok: true; bytes: number; sha256: string } | { ok: false; reason: "tooBig"; bytes: number };

const KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/** A folder on local disk (DATA_DIR/uploads by default); keys become relative paths. */
export function localFileStore(root: string): FileStore {
  const resolve = (key: string) => {
    if (!KEY.test(key) || key.includes("..")) throw new Error(`bad storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async write(key, source, { maxBytes }) {
      const file = resolve(key);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      const out = fs.createWriteStream(file, { flags: "wx" });
      const hash = crypto.createHash("sha256");
      let bytes = 0;
      let tooBig = false;
      const failed = new Promise<never>((_, reject) => out.once("error", reject));
      failed.catch(() => {});
      try {
        for await (const chunk of source) {
          bytes += chunk.byteLength;
          if (tooBig) continue; // drain the rest of this part
          if (bytes > maxBytes) {
            tooBig = true;
            continue;
          }
          hash.update(chunk);
          if (!out.write(chunk)) await Promise.race([new Promise<void>((r) => out.once("drain", () => r())), failed]);
        }
      } finally {
        await new Promise<void>((r) => out.end(() => r()));
      }
      if (tooBig) {
        await fsp.rm(file, { force: true });
        return { ok: false, reason: "tooBig", bytes };
      }
      return { ok: true, bytes, sha256: hash.digest("hex") };
    },
    read(key) {
      return fs.createReadStream(resolve(key));
    },
    async peek(key, { head, tail }) {
      const handle = await fsp.open(resolve(key), "r");
      try {
        const { size } = await handle.stat();
        const h = Buffer.alloc(Math.min(head, size));
        await handle.read(h, 0, h.length, 0);
        const tl = Math.min(tail, size);
        const t = Buffer.alloc(tl);
        await handle.read(t, 0, tl, size - tl);
        return { head: h, tail: t, size };
      } finally {
        await handle.close();
      }
    },
    async remove(key) {
      await fsp.rm(resolve(key), { force: true });
    },
    localPath(key) {
      return resolve(key);
    },
  };
}

const stores = new Map<string, FileStore>();

/** The store for this configuration (one per folder per process). */
export function fileStoreFor(config: { DATA_DIR: string }): FileStore {
  const root = path.resolve(config.DATA_DIR, "uploads");
  let store = stores.get(root);
  if (!store) {
    store = localFileStore(root);
    stores.set(root, store);
  }
  return store;
}
