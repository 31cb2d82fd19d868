// Find the file a preview URL names inside the output folder, refusing anything that would leave it.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../paths/is-inside.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** The content type to serve `file` with. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The regular file that URL path `pathname` (still percent-encoded) names under `outDir`, or undefined: no `..`,
 * no hidden files (temp files, the image cache), no backslashes or NULs, and no symlink that points outside.
 */
export async function resolveOutputFile(outDir: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return undefined;
  if (segments.some((segment) => segment === '..' || segment.startsWith('.') || /[\\\0]/.test(segment))) return undefined;
  const file = path.join(outDir, ...segments);
  try {
    const [realFile, realRoot] = await Promise.all([realpath(file), realpath(outDir)]);
    if (!isInside(realFile, realRoot)) return undefined;
    return (await stat(realFile)).isFile() ? realFile : undefined;
  } catch {
    return undefined;
  }
}
