// CSS-like lengths in zine.yaml ("148mm", "0.5in", "12pt") converted to PostScript points.

const POINTS_PER_UNIT: Record<string, number> = { pt: 1, mm: 72 / 25.4, cm: 72 / 2.54, in: 72, px: 0.75 };

/** Parse a length such as "12.5mm" into points; `undefined` when it is not a length. */
export function lengthToPoints(length: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(pt|mm|cm|in|px)\s*$/.exec(length);
  if (!match) return undefined;
  return Number(match[1]) * POINTS_PER_UNIT[match[2]!]!;
}
