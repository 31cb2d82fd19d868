// Image sources must be files inside the manuscript: remote, missing or escaping images are reported and replaced by their alt text.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import type { Position } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportError, reportWarning } from '../report.ts';
import { resolveManuscriptFile, type FileProblem } from '../resolve-file.ts';

export interface UsedImage {
  path: string;
  position?: Position;
}

declare module 'vfile' {
  interface DataMap {
    /** The images this chapter uses, by manuscript-relative `src`: absolute path and first place of use. */
    images: globalThis.Map<string, UsedImage>;
    /** Each image source as written and what it resolved to: what the compile read off the disk (the chapter store checks it again). */
    imageLookups: [src: string, resolved: ResolvedImage][];
  }
}

/** rehype plugin: rewrite each `img[src]` to its manuscript-relative path and record it, or report it and put its alt text in its place. */
export default function rehypeCheckImages(options: { root: string }) {
  const root = realpathSync(options.root);
  return (tree: Root, file: VFile) => {
    const images = new Map<string, UsedImage>();
    const lookups: [string, ResolvedImage][] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : '';
      const resolved = resolveImage(src, root, path.dirname(file.path));
      lookups.push([src, resolved]);
      if ('src' in resolved) {
        node.properties.src = resolved.src;
        if (!images.has(resolved.src)) images.set(resolved.src, { path: resolved.path, position: node.position });
        return;
      }
      const report = resolved.fatal ? reportError : reportWarning;
      report(file, resolved.reason, node.position, resolved.rule);
      // The alt text says what the picture showed; a linked badge keeps a readable link.
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
      parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []));
      return [SKIP, index];
    });
    file.data.images = images;
    file.data.imageLookups = lookups;
  };
}

/** How each problem of an image path is reported: its rule, and whether it fails the build or only drops the image. */
const IMAGE_PROBLEMS: Record<FileProblem, { rule: string; fatal: boolean }> = {
  'no-source': { rule: 'image-source', fatal: false },
  remote: { rule: 'remote-image', fatal: false },
  'not-a-url-path': { rule: 'image-source', fatal: true },
  absolute: { rule: 'image-outside-manuscript', fatal: true },
  outside: { rule: 'image-outside-manuscript', fatal: true },
  missing: { rule: 'missing-image', fatal: true },
  'links-outside': { rule: 'image-outside-manuscript', fatal: true },
  'not-a-file': { rule: 'not-a-file', fatal: true },
};

export type ResolvedImage = { src: string; path: string } | { reason: string; rule: string; fatal: boolean };

/** Where `src` (as written in a chapter in `chapterDir`) points, if it is an image file inside `root`. */
export function resolveImage(src: string, root: string, chapterDir: string): ResolvedImage {
  const resolved = resolveManuscriptFile(src, root, chapterDir);
  if ('src' in resolved) return resolved;
  const reason = resolved.problem === 'remote' ? `Remote image \`${src}\` is left out: copy the file into the manuscript folder` : `Image ${resolved.reason}`;
  return { reason, ...IMAGE_PROBLEMS[resolved.problem] };
}
