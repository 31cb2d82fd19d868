// CSS `unicode-range` values: parsed into code point intervals, and tested against the characters a text uses.

/** Inclusive code point intervals. */
export type CodePointRanges = [number, number][];

const START = /^[0-9a-f?]{1,6}$/i;
const END = /^[0-9a-f]{1,6}$/i;

/** Parse `U+0460-052F,U+20B4,U+4??` into intervals (a `?` stands for any hex digit); a malformed part is skipped. */
export function parseUnicodeRange(value: string): CodePointRanges {
  // A loop, not a regex per part: the CJK stylesheets hold some 70 000 parts, read at every build.
  const ranges: CodePointRanges = [];
  for (const raw of value.split(',')) {
    const part = raw.trim();
    if (part.length < 3 || (part[0] !== 'U' && part[0] !== 'u') || part[1] !== '+') continue;
    const dash = part.indexOf('-', 2);
    const start = dash < 0 ? part.slice(2) : part.slice(2, dash);
    const end = dash < 0 ? undefined : part.slice(dash + 1);
    if (!START.test(start) || (end !== undefined && !END.test(end))) continue;
    if (start.includes('?')) ranges.push([parseInt(start.replace(/\?/g, '0'), 16), parseInt(start.replace(/\?/g, 'f'), 16)]);
    else ranges.push([parseInt(start, 16), parseInt(end ?? start, 16)]);
  }
  return ranges;
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
