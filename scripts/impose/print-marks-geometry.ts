// Page boxes and crop-mark lines for a page with bleed and a slug (pure arithmetic, no PDF).
import type { Rect, Segment } from './sheet-size.ts';

/** Crop marks start this far outside the bleed edge, so they never touch bleed artwork. */
export const MARK_GAP = 3;
/** Length of each crop mark. */
export const MARK_LENGTH = 15;
/** Paper kept beyond the end of the marks. */
export const SLUG_MARGIN = 3;

/** MediaBox, BleedBox and TrimBox of a page whose finished size is `trim`. */
export interface PrintBoxes {
  media: Rect;
  bleed: Rect;
  trim: Rect;
}

/** `rect` grown by `amount` on every side. */
export function grow(rect: Rect, amount: number): Rect {
  return { x: rect.x - amount, y: rect.y - amount, width: rect.width + 2 * amount, height: rect.height + 2 * amount };
}

/** The boxes for `bleed` points of bleed; with marks the media also holds a slug wide enough for them. */
export function printBoxes(trim: Rect, bleed: number, marks: boolean): PrintBoxes {
  const slug = marks ? MARK_GAP + MARK_LENGTH + SLUG_MARGIN : 0;
  return { media: grow(trim, bleed + slug), bleed: grow(trim, bleed), trim };
}

/** Two marks per corner, on the lines of the trim edges, from just outside the bleed outward. */
export function cropMarks(trim: Rect, bleed: number): Segment[] {
  const near = bleed + MARK_GAP;
  const far = near + MARK_LENGTH;
  const corners = [
    { x: trim.x, y: trim.y, dx: -1, dy: -1 },
    { x: trim.x + trim.width, y: trim.y, dx: 1, dy: -1 },
    { x: trim.x, y: trim.y + trim.height, dx: -1, dy: 1 },
    { x: trim.x + trim.width, y: trim.y + trim.height, dx: 1, dy: 1 },
  ];
  return corners.flatMap(({ x, y, dx, dy }) => [
    { x1: x + dx * near, y1: y, x2: x + dx * far, y2: y },
    { x1: x, y1: y + dy * near, x2: x, y2: y + dy * far },
  ]);
}
