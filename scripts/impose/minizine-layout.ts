// Where the eight pages of a one-sheet mini zine sit on the sheet, and its fold and cut lines (pure arithmetic).
import { gridCell, type Rect, type Segment, type Size } from './sheet-size.ts';

export const MINIZINE_PAGES = 8;
export const MINIZINE_COLUMNS = 4;
export const MINIZINE_ROWS = 2;

/** A source page's panel: 0-based page index, grid column (0 = left), row (0 = top), upside down or not. */
export interface MinizineCell {
  page: number;
  column: number;
  row: number;
  rotated: boolean;
}

/**
 * The classic eight-page, one-cut layout, as seen on the printed landscape sheet:
 *
 *     ┌────┬────┬────┬────┐
 *     │ 5* │ 4* │ 3* │ 2* │   top row upside down (* = rotated 180°)
 *     ├────┼╌╌╌╌┴╌╌╌╌┼────┤   ╌ the cut, across the two centre panels only
 *     │ 6  │ 7  │ 8  │ 1  │   bottom row upright; 1 is the front cover, 8 the back cover
 *     └────┴────┴────┴────┘
 *
 * Why: fold the sheet in half lengthwise, print outside. The top row goes behind the bottom row, which turns its
 * pages upright and puts 2 behind 1, 3 behind 8, 4 behind 7 and 5 behind 6. The cut frees the centre panels, so
 * pushing the two ends together opens them into a cross of four leaves around the spine — 1|2, 3|4, 5|6, 7|8 —
 * which fold flat into a booklet reading 1 to 8.
 */
export const MINIZINE_CELLS: readonly MinizineCell[] = [
  ...[5, 4, 3, 2].map((number, column) => ({ page: number - 1, column, row: 0, rotated: true })),
  ...[6, 7, 8, 1].map((number, column) => ({ page: number - 1, column, row: 1, rotated: false })),
];

/** The panel rectangle of a cell on the sheet. */
export function minizineCellRect(sheet: Size, cell: MinizineCell): Rect {
  return gridCell(sheet, MINIZINE_COLUMNS, MINIZINE_ROWS, cell.column, cell.row);
}

/** Fold lines (the three vertical folds, the lengthwise fold on the end panels) and the cut between them. */
export function minizineGuides(sheet: Size): { folds: Segment[]; cut: Segment } {
  const { width, height } = sheet;
  const quarter = width / MINIZINE_COLUMNS;
  const middle = height / 2;
  const verticals = [1, 2, 3].map((i) => ({ x1: i * quarter, y1: 0, x2: i * quarter, y2: height }));
  return {
    folds: [
      ...verticals,
      { x1: 0, y1: middle, x2: quarter, y2: middle },
      { x1: width - quarter, y1: middle, x2: width, y2: middle },
    ],
    cut: { x1: quarter, y1: middle, x2: width - quarter, y2: middle },
  };
}
