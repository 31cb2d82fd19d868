// zine's own cache (font configuration, compiled code): beside its install, else in the temp folder when that is read-only.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let resolved: string | undefined;

/**
 * `ZINE_CACHE_DIR`, else `node_modules/.cache/zine` of zine's install (the compiled CLI's cache too, bin/compiled-cli.js),
 * created; `$TMPDIR/zine-cache-<uid>` where that cannot be written.
 */
export function zineCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (resolved) return resolved;
  const beside = env.ZINE_CACHE_DIR ? path.resolve(env.ZINE_CACHE_DIR) : path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'zine');
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
