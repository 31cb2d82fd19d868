// Image sources must be files inside the manuscript: remote, missing or escaping images are reported and dropped.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import type { Position } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportError, reportWarning } from '../report.ts';

export interface UsedImage {
  path: string;
  position?: Position;
}

declare module 'vfile' {
  interface DataMap {
    /** The images this chapter uses, by manuscript-relative `src`: absolute path and first place of use. */
    images: globalThis.Map<string, UsedImage>;
  }
}

/** rehype plugin: rewrite each `img[src]` to its manuscript-relative path and record it, or report and remove it. */
export default function rehypeCheckImages(options: { root: string }) {
  const root = realpathSync(options.root);
  return (tree: Root, file: VFile) => {
    const images = new Map<string, UsedImage>();
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : '';
      const resolved = resolveImage(src, root, path.dirname(file.path));
      if ('src' in resolved) {
        node.properties.src = resolved.src;
        if (!images.has(resolved.src)) images.set(resolved.src, { path: resolved.path, position: node.position });
        return;
      }
      const report = resolved.fatal ? reportError : reportWarning;
      report(file, resolved.reason, node.position, resolved.rule);
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    file.data.images = images;
  };
}

type Resolution = { src: string; path: string } | { reason: string; rule: string; fatal: boolean };

/** Where `src` (as written in a chapter in `chapterDir`) points, if it is an image file inside `root`. */
export function resolveImage(src: string, root: string, chapterDir: string): Resolution {
  if (src === '') return { reason: 'Image has no usable source (only files inside the manuscript folder are allowed)', rule: 'image-source', fatal: false };
  if (/^([a-z][a-z0-9+.-]*:|[/\\]{2})/i.test(src)) return { reason: `Remote image \`${src}\` is left out: copy the file into the manuscript folder`, rule: 'remote-image', fatal: false };
  let decoded: string;
  try {
    decoded = decodeURI(src.split(/[?#]/)[0]!);
  } catch {
    return { reason: `Image path \`${src}\` is not a valid URL path`, rule: 'image-source', fatal: true };
  }
  if (path.isAbsolute(decoded)) return { reason: `Image path \`${src}\` is absolute: use a relative path, inside the manuscript folder`, rule: 'image-outside-manuscript', fatal: true };
  const absolute = path.resolve(chapterDir, decoded);
  if (!isInside(absolute, root)) return { reason: `Image \`${src}\` is outside the manuscript folder`, rule: 'image-outside-manuscript', fatal: true };
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return { reason: `Image \`${src}\` not found (looked for ${path.relative(process.cwd(), absolute)})`, rule: 'missing-image', fatal: true };
  }
  if (!isInside(real, root)) return { reason: `Image \`${src}\` links to a file outside the manuscript folder`, rule: 'image-outside-manuscript', fatal: true };
  // A named pipe or a device would block or never end when read.
  if (!statSync(real).isFile()) return { reason: `Image \`${src}\` is not a regular file`, rule: 'not-a-file', fatal: true };
  return { src: path.relative(root, absolute).split(path.sep).join('/'), path: real };
}

function isInside(candidate: string, root: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
