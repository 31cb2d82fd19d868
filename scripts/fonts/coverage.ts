// Which characters zine's fonts can draw: every face's real cmap (a unicode-range may claim more than its file holds),
// merged into one set and cached beside the font configuration, for missing-glyph checks.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zineCacheDir } from '../paths/cache-dir.ts';
import { cmapRanges } from './cmap.ts';
import { readFontFaces, type FontFaceFile } from './faces.ts';
import type { CodePointRanges } from './unicode-range.ts';
import { woffToSfnt } from './woff-to-sfnt.ts';

/**
 * Characters that need no glyph of their own: controls, joiners, variation selectors, soft hyphens, and the spaces
 * HarfBuzz sets from a face's own space at their proper width when the face lacks them (en to hair spaces, the narrow
 * no-break space of French typography, the medium mathematical and ideographic spaces).
 */
const NEEDS_NO_GLYPH = /[\p{Cc}\p{Zl}\p{Zp}\u00ad\u2000-\u200a\u202f\u205f\u3000\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff]|[\u{e0100}-\u{e01ef}]/u;

export type Coverage = (char: string) => boolean;

let subsets: Promise<Map<string, CodePointRanges>> | undefined;
let coverage: Promise<Coverage> | undefined;

/** A test for "some bundled face holds this character" (or it needs none). */
export function fontCoverage(): Promise<Coverage> {
  coverage ??= subsetRanges().then((bySubset) => {
    const ranges = mergeRanges([...bySubset.values()].flat());
    return (char: string) => NEEDS_NO_GLYPH.test(char) || inRanges(ranges, char.codePointAt(0)!);
  });
  return coverage;
}

/** A test for "this face's file really holds this code point", whatever its unicode-range claims. */
export async function faceCoverage(): Promise<(face: FontFaceFile, point: number) => boolean> {
  const bySubset = await (subsets ??= subsetRanges());
  return (face, point) => inRanges(bySubset.get(subsetKey(face)) ?? [], point);
}

const subsetKey = (face: FontFaceFile) => `${face.family}\0${face.unicodeRange}`;

/** The cmap ranges of each family's subsets, from the cache when the font files are those it was made from. */
async function subsetRanges(): Promise<Map<string, CodePointRanges>> {
  const faces = oneWeightPerSubset(await readFontFaces()).filter((face) => existsSync(sourceOf(face)));
  const key = createHash('sha256');
  for (const face of faces) {
    const { size, mtimeMs } = await stat(sourceOf(face));
    key.update(`${sourceOf(face)}\0${size}\0${mtimeMs}\n`);
  }
  const file = path.join(zineCacheDir(), `coverage-subsets-${key.digest('hex').slice(0, 16)}.json`);
  if (existsSync(file)) return new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, CodePointRanges>));
  const bySubset = new Map<string, CodePointRanges>();
  for (const face of faces) bySubset.set(subsetKey(face), mergeRanges(cmapRanges(woffToSfnt(await readFile(sourceOf(face))))));
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(Object.fromEntries(bySubset)));
  await rename(temporary, file);
  return bySubset;
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
