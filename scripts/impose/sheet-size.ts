// Sheet sizes and where a page sits on a sheet: named sizes, the automatic choice, fit-and-centre (pure arithmetic).
import { ImposeError } from './impose-error.ts';

/** Width and height in PostScript points. */
export interface Size {
  width: number;
  height: number;
}

/** A rectangle in PDF user space (origin bottom left), in points. */
export interface Rect extends Size {
  x: number;
  y: number;
}

/** A straight line from (x1, y1) to (x2, y2), in points. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where and how much to scale a page so it sits centred in a cell. */
export interface Placement {
  x: number;
  y: number;
  scale: number;
}

export type SheetName = 'a3' | 'a4' | 'a5' | 'letter';
/** A named sheet, or `auto` for the named sheet that holds the grid of pages at 100 % (custom size if none does). */
export type SheetChoice = 'auto' | SheetName;

/** Portrait sizes of the sheets we impose onto, in points. */
export const SHEET_SIZES: Readonly<Record<SheetName, Size>> = {
  a3: { width: 841.89, height: 1190.55 },
  a4: { width: 595.28, height: 841.89 },
  a5: { width: 419.53, height: 595.28 },
  letter: { width: 612, height: 792 },
};

/** A named sheet counts as "the same size" when each side is within this fraction (A5×2 is 0.3 % narrower than A4). */
const AUTO_TOLERANCE = 0.01;

/** The size laid on its long side. */
export function landscape(size: Size): Size {
  return { width: Math.max(size.width, size.height), height: Math.min(size.width, size.height) };
}

/** The size turned to the orientation of `like` (portrait when `like` is taller than wide, else landscape). */
export function orientedLike(size: Size, like: Size): Size {
  const wide = landscape(size);
  return like.height > like.width ? { width: wide.height, height: wide.width } : wide;
}

/**
 * The sheet for a grid of `columns × rows` pages of `page` size, turned like the grid (two A5 pages side by side
 * want a landscape sheet, four A6 pages two by two a portrait one). `auto` picks the named sheet matching the grid
 * (A5 pages two-up → A4, half-letter → Letter, A6 → A5), else the grid's exact size.
 */
export function resolveSheet(choice: SheetChoice, page: Size, columns: number, rows: number): Size {
  const grid = { width: page.width * columns, height: page.height * rows };
  if (choice !== 'auto') {
    const named = SHEET_SIZES[choice];
    if (!named) throw new ImposeError(`Unknown sheet "${String(choice)}"; use auto, ${Object.keys(SHEET_SIZES).join(', ')}.`);
    return orientedLike(named, grid);
  }
  const match = Object.values(SHEET_SIZES)
    .map((sheet) => orientedLike(sheet, grid))
    .find((sheet) => isClose(sheet.width, grid.width) && isClose(sheet.height, grid.height));
  return match ?? grid;
}

function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= AUTO_TOLERANCE * Math.max(a, b);
}

/** The smallest size that holds every one of `sizes` (so the automatic sheet never shrinks the largest page). */
export function largestSize(sizes: readonly Size[]): Size {
  return {
    width: Math.max(...sizes.map((size) => size.width)),
    height: Math.max(...sizes.map((size) => size.height)),
  };
}

/** The cell at `column`, `row` (row 0 at the top) of a sheet cut into a `columns × rows` grid. */
export function gridCell(sheet: Size, columns: number, rows: number, column: number, row: number): Rect {
  const width = sheet.width / columns;
  const height = sheet.height / rows;
  return { x: column * width, y: sheet.height - (row + 1) * height, width, height };
}

/** Scale a page down only if it does not fit the cell, and centre it there. */
export function fitCentred(page: Size, cell: Rect): Placement {
  const scale = Math.min(1, cell.width / page.width, cell.height / page.height);
  return {
    x: cell.x + (cell.width - page.width * scale) / 2,
    y: cell.y + (cell.height - page.height * scale) / 2,
    scale,
  };
}
