// Remember the result of processing a file until the file changes (its mtime or size), so a rebuild redoes only changed
// images; and keep it on disk by the file's content, so the next run does not redo it either.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { diskStore } from '../cache/disk-store.ts';

/**
 * Wrap `process(path, variant)` so a call with the same `path` and `variant` (say, a target size; none when the file
 * alone decides) returns the remembered result while the file's mtime and size are unchanged. One entry per path and
 * variant: a changed file replaces its entry, failures are not remembered. Callers must not mutate the result.
 */
export function memoizeByFile<T>(process: (path: string) => Promise<T>): (path: string) => Promise<T>;
export function memoizeByFile<T, V extends string | number>(process: (path: string, variant: V) => Promise<T>): (path: string, variant: V) => Promise<T>;
export function memoizeByFile<T, V extends string | number>(process: (path: string, variant?: V) => Promise<T>): (path: string, variant?: V) => Promise<T> {
  const remembered = new Map<string, { stamp: string; result: Promise<T> }>();
  return async (path, variant) => {
    const { mtimeMs, size } = await stat(path);
    const key = `${variant ?? ''}\0${path}`;
    const stamp = `${mtimeMs}\0${size}`;
    const entry = remembered.get(key);
    if (entry?.stamp === stamp) return entry.result;
    const result = process(path, variant);
    remembered.set(key, { stamp, result });
    result.catch(() => {
      if (remembered.get(key)?.result === result) remembered.delete(key);
    });
    return result;
  };
}

/**
 * Wrap `process(path, variant)` so its result is kept in zine's disk store `kind` for the file's bytes (and variant):
 * a later run on the same file skips the work. Only results are kept: a failure is thrown again by the next run.
 */
export function storedByContent<T>(kind: string, process: (path: string) => Promise<T>): (path: string) => Promise<T>;
export function storedByContent<T, V extends string | number>(kind: string, process: (path: string, variant: V) => Promise<T>): (path: string, variant: V) => Promise<T>;
export function storedByContent<T, V extends string | number>(kind: string, process: (path: string, variant?: V) => Promise<T>): (path: string, variant?: V) => Promise<T> {
  const store = diskStore<T>(kind);
  return async (path, variant) => {
    const slot = `${path}\0${variant ?? ''}`;
    const key = createHash('sha256').update(await readFile(path)).digest('hex');
    const kept = await store.get(slot, key);
    if (kept !== undefined) return kept;
    const result = await process(path, variant);
    await store.set(slot, key, result);
    return result;
  };
}
