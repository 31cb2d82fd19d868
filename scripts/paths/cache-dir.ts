// zine's own cache (font configuration, compiled code): beside its install, else in the temp folder when that is read-only.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PACKAGE_ROOT = path.resolve(import.meta.dirname, '..', '..');

let resolved: string | undefined;

/** `node_modules/.cache/zine` of zine's install (created), or `$TMPDIR/zine-cache-<uid>` where that cannot be written. */
export function zineCacheDir(): string {
  if (resolved) return resolved;
  const beside = path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'zine');
  try {
    mkdirSync(beside, { recursive: true });
    accessSync(beside, constants.W_OK);
    resolved = beside;
  } catch {
    resolved = path.join(tmpdir(), `zine-cache-${process.getuid?.() ?? 'user'}`);
    mkdirSync(resolved, { recursive: true, mode: 0o700 });
  }
  return resolved;
}
