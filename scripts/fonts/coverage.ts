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

let coverage: Promise<Coverage> | undefined;

/** A test for "some bundled face holds this character" (or it needs none). */
export function fontCoverage(): Promise<Coverage> {
  coverage ??= coveredRanges().then((ranges) => (char: string) => NEEDS_NO_GLYPH.test(char) || inRanges(ranges, char.codePointAt(0)!));
  return coverage;
}

/** The merged cmap ranges of every face, from the cache when the font files are those it was made from. */
async function coveredRanges(): Promise<CodePointRanges> {
  const faces = oneWeightPerSubset(await readFontFaces());
  const sources = faces.map((face) => face.path.replace(/\.woff2$/, '.woff')).filter((file) => existsSync(file));
  const key = createHash('sha256');
  for (const source of sources) {
    const { size, mtimeMs } = await stat(source);
    key.update(`${source}\0${size}\0${mtimeMs}\n`);
  }
  const file = path.join(zineCacheDir(), `coverage-${key.digest('hex').slice(0, 16)}.json`);
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as CodePointRanges;
  const ranges: CodePointRanges = [];
  for (const source of sources) ranges.push(...cmapRanges(woffToSfnt(await readFile(source))));
  const merged = mergeRanges(ranges);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(merged));
  await rename(temporary, file);
  return merged;
}

/** Weights of one subset hold the same characters: read one file per family and subset. */
function oneWeightPerSubset(faces: FontFaceFile[]): FontFaceFile[] {
  const seen = new Set<string>();
  return faces.filter((face) => {
    const key = `${face.family}\0${face.unicodeRange}`;
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
