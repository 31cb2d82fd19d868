// The page order of each layout as an ImpositionPlan (pure arithmetic): booklet, minizine, quarter, cut-stack, nup.
import { padBeforeBackCover, padPageSequence, planBooklet, type BookletSheet, type SignatureSheets, type Slot } from './booklet-order.ts';
import { ImposeError } from './impose-error.ts';
import { forBinding, place, type Binding, type ImpositionPlan, type LayoutName, type PlacedPage } from './layout-plan.ts';
import { MINIZINE_CELLS, MINIZINE_COLUMNS, MINIZINE_PAGES, MINIZINE_ROWS } from './minizine-layout.ts';

export interface LayoutOptions {
  /** Binding edge; `right` mirrors every layout for right-to-left books. Default `left`. */
  binding?: Binding;
  /** Sheets per signature (booklet and quarter). */
  signatureSheets?: SignatureSheets;
  /** Creep in points for the layouts that fold (booklet and quarter). */
  creep?: number;
  /** Pages per sheet side for `nup`. Default 4. */
  perSide?: number;
}

/** Grids for `nup`: pages per side → columns × rows. */
export const NUP_GRIDS: Readonly<Record<number, [number, number]>> = { 2: [2, 1], 4: [2, 2], 6: [3, 2], 8: [4, 2], 9: [3, 3], 16: [4, 4] };

/** Where every page of a `pageCount`-page book goes on every sheet side of `layout`. */
export function planLayout(layout: LayoutName, pageCount: number, options: LayoutOptions = {}): ImpositionPlan {
  const plans: Record<LayoutName, () => ImpositionPlan> = {
    booklet: () => bookletPlan(pageCount, options),
    minizine: () => minizinePlan(pageCount),
    quarter: () => quarterPlan(pageCount, options),
    'cut-stack': () => cutStackPlan(pageCount),
    nup: () => nupPlan(pageCount, options.perSide ?? 4),
  };
  return forBinding(plans[layout](), options.binding ?? 'left');
}

/** Saddle stitch: two pages a side, fold order, signatures and creep (see planBooklet). */
function bookletPlan(pageCount: number, options: LayoutOptions): ImpositionPlan {
  const sheets = planBooklet(pageCount, options);
  const sides = sheets.flatMap((sheet) => bookletSides(sheet, 0));
  return { layout: 'booklet', columns: 2, rows: 1, duplex: 'flip-sideways', sides, blanks: blanksIn(sheets, pageCount) };
}

/** The front and back of one booklet sheet in grid row `row`, each page moved toward the fold by the creep. */
function bookletSides(sheet: BookletSheet, row: number): PlacedPage[][] {
  return [sheet.front, sheet.back].map((side) => [
    place(side.left, 0, row, { shiftX: sheet.creepShift }),
    place(side.right, 1, row, { shiftX: -sheet.creepShift }),
  ]);
}

function blanksIn(sheets: BookletSheet[], pageCount: number): number {
  return sheets.length * 4 - pageCount;
}

/** One sheet, one side, eight panels (see MINIZINE_CELLS); fewer pages get blanks before the back cover. */
function minizinePlan(pageCount: number): ImpositionPlan {
  if (pageCount > MINIZINE_PAGES) {
    throw new ImposeError(`A mini zine holds ${MINIZINE_PAGES} pages but the PDF has ${pageCount}; choose a range of at most ${MINIZINE_PAGES} pages.`);
  }
  const slots = padBeforeBackCover(pageCount, MINIZINE_PAGES);
  const side = MINIZINE_CELLS.map((cell) => place(slots[cell.page] ?? null, cell.column, cell.row, { rotated: cell.rotated }));
  return { layout: 'minizine', columns: MINIZINE_COLUMNS, rows: MINIZINE_ROWS, duplex: 'one-sided', sides: [side], blanks: MINIZINE_PAGES - pageCount };
}

/**
 * Quarter-size pages, four a side: each half of the sheet is one booklet sheet (two pages either side of its fold).
 * Cut the printed stack once across the middle and put the pile of top halves on the pile of bottom halves: sheet k
 * carries booklet sheet k on top and booklet sheet S + k below (S sheets), so the piles stack in fold order. An odd
 * count of booklet sheets leaves the last bottom half empty, to throw away.
 */
function quarterPlan(pageCount: number, options: LayoutOptions): ImpositionPlan {
  const booklet = planBooklet(pageCount, options);
  const sheetCount = Math.ceil(booklet.length / 2);
  const sides = Array.from({ length: sheetCount }, (_, sheet) => {
    const [topFront, topBack] = bookletSides(booklet[sheet]!, 0);
    const bottom = booklet[sheetCount + sheet];
    const [bottomFront, bottomBack] = bottom ? bookletSides(bottom, 1) : [[], []];
    return [[...topFront!, ...bottomFront!], [...topBack!, ...bottomBack!]];
  }).flat();
  return { layout: 'quarter', columns: 2, rows: 2, duplex: 'flip-sideways', sides, blanks: blanksIn(booklet, pageCount) };
}

/**
 * Two pages a side, for side stapling or perfect binding: cut the printed stack down the middle and put the left
 * pile on the right one. Sheet k of S holds leaf k on its left half and leaf S + k on its right; each leaf carries
 * two consecutive pages, and its back sits behind it on the other half of the back side.
 */
function cutStackPlan(pageCount: number): ImpositionPlan {
  const sequence = padPageSequence(pageCount);
  const sheetCount = sequence.length / 4;
  const page = (leaf: number, back: number): Slot => sequence[2 * leaf + back]!;
  const sides = Array.from({ length: sheetCount }, (_, sheet) => [
    [place(page(sheet, 0), 0, 0), place(page(sheetCount + sheet, 0), 1, 0)],
    [place(page(sheetCount + sheet, 1), 0, 0), place(page(sheet, 1), 1, 0)],
  ]).flat();
  return { layout: 'cut-stack', columns: 2, rows: 1, duplex: 'flip-sideways', sides, blanks: sequence.length - pageCount };
}

/** Proof sheets: `perSide` pages on each side in reading order, row by row; nothing added. */
function nupPlan(pageCount: number, perSide: number): ImpositionPlan {
  const grid = NUP_GRIDS[perSide];
  if (!grid) throw new ImposeError(`nup puts ${Object.keys(NUP_GRIDS).join(', ')} pages on a side, not ${perSide}.`);
  if (!Number.isInteger(pageCount) || pageCount < 1) throw new ImposeError('The PDF to impose has no pages.');
  const [columns, rows] = grid;
  const sides = Array.from({ length: Math.ceil(pageCount / perSide) }, (_, side) =>
    Array.from({ length: Math.min(perSide, pageCount - side * perSide) }, (_, cell) =>
      place(side * perSide + cell, cell % columns, Math.floor(cell / columns)),
    ),
  );
  return { layout: 'nup', columns, rows, duplex: 'one-sided', sides, blanks: 0 };
}
