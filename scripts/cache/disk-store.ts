// Values kept between runs in zine's cache folder: one file per slot (a chapter file, an image file), holding the key
// it was made for, so an edited file replaces its entry instead of adding one. Entries not rewritten for a month go.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../build/write-atomic.ts';
import { zineCacheDir } from '../paths/cache-dir.ts';
import { codeVersion } from './code-version.ts';

const KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export interface DiskStore<T> {
  /** The value kept in `slot` when it was made for `key` by this version of zine. */
  get(slot: string, key: string): Promise<T | undefined>;
  /** Keep `value` in `slot` for `key`; a failure to write only costs the next run its time. */
  set(slot: string, key: string, value: T): Promise<void>;
}

/** The store of `kind` (a folder of zine's cache, found at first use); values are written with V8's serializer (Maps, typed arrays). */
export function diskStore<T>(kind: string): DiskStore<T> {
  const dir = () => path.join(zineCacheDir(), kind);
  const fileOf = (slot: string) => path.join(dir(), `${hash(slot)}.v8`);
  let pruned = false;
  return {
    async get(slot, key) {
      const bytes = await readFile(fileOf(slot)).catch(() => undefined);
      if (!bytes) return undefined;
      try {
        const entry = deserialize(bytes) as { key: string; value: T };
        return entry.key === hash(`${codeVersion()}\0${key}`) ? entry.value : undefined;
      } catch {
        return undefined; // Half-written by a crash, or by another Node.js.
      }
    },
    async set(slot, key, value) {
      try {
        await writeFileAtomic(fileOf(slot), serialize({ key: hash(`${codeVersion()}\0${key}`), value }));
        if (!pruned) await pruneOld(dir());
        pruned = true;
      } catch {
        // A read-only or full cache folder: the next run computes the value again.
      }
    },
  };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Remove entries last written more than KEEP_MS ago (manuscripts deleted, files renamed). */
async function pruneOld(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: now }));
    if (now - mtimeMs > KEEP_MS) await rm(file, { force: true });
  }
}
