// CSS `unicode-range` values: parsed into code point intervals, and tested against the characters a text uses.

/** Inclusive code point intervals. */
export type CodePointRanges = [number, number][];

/** Parse `U+0460-052F,U+20B4,U+4??` into intervals (a `?` stands for any hex digit). */
export function parseUnicodeRange(value: string): CodePointRanges {
  return value.split(',').flatMap((part): CodePointRanges => {
    const match = /^\s*U\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!match) return [];
    const [, start, end] = match as unknown as [string, string, string | undefined];
    if (start.includes('?')) return [[parseInt(start.replace(/\?/g, '0'), 16), parseInt(start.replace(/\?/g, 'f'), 16)]];
    return [[parseInt(start, 16), parseInt(end ?? start, 16)]];
  });
}

/** The code points of `text`. */
export function codePointsOf(text: string): Set<number> {
  const points = new Set<number>();
  for (const character of text) points.add(character.codePointAt(0)!);
  return points;
}

/** Whether any of `points` falls in `ranges`. */
export function rangesCoverAny(ranges: CodePointRanges, points: Iterable<number>): boolean {
  for (const point of points) if (ranges.some(([start, end]) => point >= start && point <= end)) return true;
  return false;
}
