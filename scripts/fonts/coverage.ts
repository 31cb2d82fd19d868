// Which characters zine's fonts can draw: every face's real cmap (a unicode-range may claim more than its file holds),
// merged into one set for missing-glyph checks and kept per subset for the print's font requests, cached in zine's
// cache folder.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zineCacheDir } from '../paths/cache-dir.ts';
import { cmapRanges } from './cmap.ts';
import { readFontFaces, type FontFaceFile } from './faces.ts';
import { FONT_PACKAGES } from './packages.ts';
import type { CodePointRanges } from './unicode-range.ts';
import { woffToSfnt } from './woff-to-sfnt.ts';

/**
 * Characters that need no glyph of their own: controls, joiners, variation selectors, soft hyphens, and the spaces
 * HarfBuzz sets from a face's own space at their proper width when the face lacks them (en to hair spaces, the narrow
 * no-break space of French typography, the medium mathematical and ideographic spaces).
 */
const NEEDS_NO_GLYPH = /[\p{Cc}\p{Zl}\p{Zp}\u00ad\u2000-\u200a\u202f\u205f\u3000\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff]|[\u{e0100}-\u{e01ef}]/u;

export type Coverage = (char: string) => boolean;

/** The cmap ranges of every face merged, and of each family's subsets. */
interface CoverageCache {
  merged: CodePointRanges;
  subsets: Record<string, CodePointRanges>;
}

let cached: Promise<CoverageCache> | undefined;
let coverage: Promise<Coverage> | undefined;

/** A test for "some bundled face holds this character" (or it needs none). */
export function fontCoverage(): Promise<Coverage> {
  coverage ??= coverageCache().then(({ merged }) => (char: string) => NEEDS_NO_GLYPH.test(char) || inRanges(merged, char.codePointAt(0)!));
  return coverage;
}

/** A test for "this face's file really holds this code point", whatever its unicode-range claims. */
export async function faceCoverage(): Promise<(face: FontFaceFile, point: number) => boolean> {
  const { subsets } = await coverageCache();
  return (face, point) => inRanges(subsets[subsetKey(face)] ?? [], point);
}

const subsetKey = (face: FontFaceFile) => `${face.family}\0${face.unicodeRange}`;

/**
 * The cmaps read once per install of the font packages: the cache is named after their package.json files (a check
 * at start-up then reads about twenty small files, not a thousand font files' sizes and dates).
 */
function coverageCache(): Promise<CoverageCache> {
  cached ??= (async () => {
    const key = createHash('sha256');
    const manifests = await Promise.all(FONT_PACKAGES.map((font) => readFile(path.join(font.folder, 'package.json'), 'utf8')));
    FONT_PACKAGES.forEach((font, index) => key.update(`${font.folder}\0${manifests[index]}\n`));
    const file = path.join(zineCacheDir(), `coverage-${key.digest('hex').slice(0, 16)}.json`);
    if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as CoverageCache;
    const subsets: Record<string, CodePointRanges> = {};
    for (const face of oneWeightPerSubset(await readFontFaces())) {
      if (existsSync(sourceOf(face))) subsets[subsetKey(face)] = mergeRanges(cmapRanges(woffToSfnt(await readFile(sourceOf(face)))));
    }
    const made: CoverageCache = { merged: mergeRanges(Object.values(subsets).flat()), subsets };
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(made));
    await rename(temporary, file);
    return made;
  })();
  return cached;
}

/** The woff beside each woff2: the same glyphs, and what woff-to-sfnt.ts reads. */
const sourceOf = (face: FontFaceFile) => face.path.replace(/\.woff2$/, '.woff');

/** Weights of one subset hold the same characters: read one file per family and subset. */
function oneWeightPerSubset(faces: FontFaceFile[]): FontFaceFile[] {
  const seen = new Set<string>();
  return faces.filter((face) => {
    const key = subsetKey(face);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function inRanges(ranges: CodePointRanges, point: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle]!;
    if (point < start) high = middle - 1;
    else if (point > end) low = middle + 1;
    else return true;
  }
  return false;
}

/** Sorted, disjoint intervals covering the same points. */
function mergeRanges(ranges: CodePointRanges): CodePointRanges {
  const merged: CodePointRanges = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
