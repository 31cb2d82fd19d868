// Where a path written in the manuscript (an image, a chapter, the cover) points, if it is a regular file inside it.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { URL_LIKE } from '../config/schema.ts';
import { isInside } from '../paths/is-inside.ts';

export type FileProblem = 'no-source' | 'remote' | 'not-a-url-path' | 'absolute' | 'outside' | 'missing' | 'links-outside' | 'not-a-file';

/**
 * A file inside the manuscript (`src` relative to the root, `/`-separated; `path` real and absolute), or the problem
 * with a `reason` that reads after the kind of file: "Image " + reason, "Chapter `x`: " + reason.
 */
export type ManuscriptFile = { src: string; path: string } | { problem: FileProblem; reason: string };

/** Resolve `written` (a URL path, as in Markdown, relative to `fromDir`) to a regular file inside `root` (a real path). */
export function resolveManuscriptFile(written: string, root: string, fromDir: string): ManuscriptFile {
  if (written === '') return { problem: 'no-source', reason: 'has no usable source (only files inside the manuscript folder are allowed)' };
  if (URL_LIKE.test(written)) return { problem: 'remote', reason: `\`${written}\` is remote: copy the file into the manuscript folder` };
  let decoded: string;
  try {
    decoded = decodeURI(written.split(/[?#]/)[0]!);
  } catch {
    return { problem: 'not-a-url-path', reason: `path \`${written}\` is not a valid URL path` };
  }
  if (path.isAbsolute(decoded)) return { problem: 'absolute', reason: `path \`${written}\` is absolute: use a relative path, inside the manuscript folder` };
  const absolute = path.resolve(fromDir, decoded);
  if (!isInside(absolute, root)) return { problem: 'outside', reason: `\`${written}\` is outside the manuscript folder` };
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return { problem: 'missing', reason: `\`${written}\` not found (looked for ${path.relative(process.cwd(), absolute)})` };
  }
  if (!isInside(real, root)) return { problem: 'links-outside', reason: `\`${written}\` links to a file outside the manuscript folder` };
  // A named pipe or a device would block or never end when read.
  if (!statSync(real).isFile()) return { problem: 'not-a-file', reason: `\`${written}\` is not a regular file` };
  return { src: path.relative(root, absolute).split(path.sep).join('/'), path: real };
}
