// Which characters zine's fonts can draw: the union of every face's unicode-range, for missing-glyph checks.
import { readFontFaces } from './faces.ts';
import type { CodePointRanges } from './unicode-range.ts';

/** Characters that need no glyph of their own: controls, spaces and joiners, variation selectors, soft hyphens. */
const NEEDS_NO_GLYPH = /[\p{Cc}\p{Zl}\p{Zp}\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff]|[\u{e0100}-\u{e01ef}]/u;

export type Coverage = (char: string) => boolean;

let coverage: Promise<Coverage> | undefined;

/** A test for "some bundled face holds this character" (or it needs none). */
export function fontCoverage(): Promise<Coverage> {
  coverage ??= readFontFaces().then((faces) => {
    const ranges = mergeRanges(faces.flatMap((face) => face.ranges));
    return (char: string) => {
      if (NEEDS_NO_GLYPH.test(char)) return true;
      const point = char.codePointAt(0)!;
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
    };
  });
  return coverage;
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
