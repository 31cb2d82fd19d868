// The @font-face rules of our font packages, read from their Fontsource stylesheets: one woff2 file per subset.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FONT_PACKAGES, type FontPackage } from './packages.ts';
import { parseUnicodeRange, type CodePointRanges } from './unicode-range.ts';

export interface FontFaceFile {
  family: string;
  style: string;
  weight: string;
  /** The woff2 file (absolute) and its name. */
  path: string;
  fileName: string;
  /** As written in the stylesheet, and parsed. */
  unicodeRange: string;
  ranges: CodePointRanges;
}

let allFaces: Promise<FontFaceFile[]> | undefined;

/** Every face of every package's stylesheets (read once per process: the packages do not change under us). */
export function readFontFaces(): Promise<FontFaceFile[]> {
  allFaces ??= Promise.all(FONT_PACKAGES.flatMap((font) => font.stylesheets.map((sheet) => readStylesheet(font, sheet)))).then((faces) => faces.flat());
  return allFaces;
}

/** Which faces of a family (named in any case) have a unicode-range holding a code point: every weight and style. */
export type FaceHolders = (family: string, point: number) => FontFaceFile[];

let holders: Promise<FaceHolders> | undefined;

/** The faces' lookup by family and code point, built once per process. */
export function faceHolders(): Promise<FaceHolders> {
  holders ??= readFontFaces().then((faces) => {
    const byFamily = new Map<string, FontFaceFile[]>();
    for (const face of faces) {
      const family = face.family.toLowerCase();
      byFamily.set(family, [...(byFamily.get(family) ?? []), face]);
    }
    const indexes = new Map([...byFamily].map(([family, familyFaces]) => [family, rangeIndex(familyFaces)]));
    return (family, point) => {
      const index = indexes.get(family.toLowerCase());
      return index ? facesAt(index, point) : [];
    };
  });
  return holders;
}

/**
 * A family's intervals sorted by start, each with the face (by its place in the family) it belongs to and the
 * furthest end reached so far: a lookup is a binary search, not a walk through the CJK families' ~70 000 ranges.
 */
interface RangeIndex {
  faces: FontFaceFile[];
  starts: number[];
  ends: number[];
  owners: number[];
  reach: number[];
}

function rangeIndex(faces: FontFaceFile[]): RangeIndex {
  const entries = faces.flatMap((face, owner) => face.ranges.map(([start, end]) => ({ start, end, owner }))).sort((a, b) => a.start - b.start);
  let reach = -1;
  return {
    faces,
    starts: entries.map((entry) => entry.start),
    ends: entries.map((entry) => entry.end),
    owners: entries.map((entry) => entry.owner),
    reach: entries.map((entry) => (reach = Math.max(reach, entry.end))),
  };
}

/** The faces holding `point`, in the family's order. */
function facesAt(index: RangeIndex, point: number): FontFaceFile[] {
  let low = 0;
  let high = index.starts.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (index.starts[middle]! <= point) [last, low] = [middle, middle + 1];
    else high = middle - 1;
  }
  const owners = new Set<number>();
  // Back from the last interval starting at or before `point`, while an earlier one may still reach it.
  for (let at = last; at >= 0 && index.reach[at]! >= point; at--) if (index.ends[at]! >= point) owners.add(index.owners[at]!);
  return [...owners].sort((a, b) => a - b).map((owner) => index.faces[owner]!);
}

/** The declarations read from each rule, compiled once (the stylesheets hold about a thousand rules). */
const DECLARATIONS = {
  'unicode-range': /unicode-range:\s*([^;]+);/,
  'font-style': /font-style:\s*([^;]+);/,
  'font-weight': /font-weight:\s*([^;]+);/,
};

/** The rules of a Fontsource stylesheet, which has a fixed, generated shape: one declaration per line. */
async function readStylesheet(font: FontPackage, sheet: string): Promise<FontFaceFile[]> {
  const css = await readFile(path.join(font.folder, sheet), 'utf8');
  return css.split('@font-face').slice(1).map((rule) => {
    const value = (name: keyof typeof DECLARATIONS) => DECLARATIONS[name].exec(rule)?.[1]?.trim();
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
    const unicodeRange = value('unicode-range') ?? 'U+0-10FFFF';
    if (!file) throw new Error(`${font.id}/${sheet}: an @font-face rule without a woff2 file`);
    return {
      family: font.family,
      style: value('font-style') ?? 'normal',
      weight: value('font-weight') ?? '400',
      path: path.join(font.folder, 'files', file),
      fileName: file,
      unicodeRange,
      ranges: parseUnicodeRange(unicodeRange),
    };
  });
}
