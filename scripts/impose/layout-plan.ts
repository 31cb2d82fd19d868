// Every layout as one plan: a grid per sheet side, the page in each cell, and the mirror for right-hand binding.
import type { Slot } from './booklet-order.ts';

export const LAYOUT_NAMES = ['booklet', 'minizine', 'quarter', 'cut-stack', 'nup'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** The edge the finished zine is bound on: left for left-to-right books, right for right-to-left ones. */
export type Binding = 'left' | 'right';

/** How the sheets go through the printer: one side only, or both sides turned over about the sheet's vertical axis. */
export type Duplex = 'one-sided' | 'flip-sideways';

/** A source page (or blank) in one cell of a sheet side. */
export interface PlacedPage {
  slot: Slot;
  /** Grid column, 0 = left. */
  column: number;
  /** Grid row, 0 = top. */
  row: number;
  /** Upside down (rotated 180° in its cell). */
  rotated: boolean;
  /** Points to move the page sideways after centring (creep compensation, toward the fold). */
  shiftX: number;
}

export interface ImpositionPlan {
  layout: LayoutName;
  columns: number;
  rows: number;
  duplex: Duplex;
  /** Every printed side in print order (front, back, front, … when duplex). */
  sides: PlacedPage[][];
  /** Blank pages the layout adds to the book to fill its sheets or signatures. */
  blanks: number;
}

/** A page in a cell, upright and unshifted unless told. */
export function place(slot: Slot, column: number, row: number, extra: Partial<Pick<PlacedPage, 'rotated' | 'shiftX'>> = {}): PlacedPage {
  return { slot, column, row, rotated: extra.rotated ?? false, shiftX: extra.shiftX ?? 0 };
}

/**
 * The plan for the other binding edge. Folding and cutting are symmetric under a left–right reflection, so mirroring
 * where every page sits (not the pages themselves) turns a left-bound layout into a right-bound one: the creep shift,
 * toward the fold, changes sign with the column.
 */
export function forBinding(plan: ImpositionPlan, binding: Binding): ImpositionPlan {
  if (binding === 'left') return plan;
  const mirror = (page: PlacedPage): PlacedPage => ({ ...page, column: plan.columns - 1 - page.column, shiftX: -page.shiftX });
  return { ...plan, sides: plan.sides.map((side) => side.map(mirror)) };
}
