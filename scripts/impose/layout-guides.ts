// Fold and cut lines of each layout on its sheet (pure arithmetic), for printed guides and the preview images.
import type { ImpositionPlan } from './layout-plan.ts';
import { minizineGuides } from './minizine-layout.ts';
import type { Segment, Size } from './sheet-size.ts';

export interface SheetGuides {
  folds: Segment[];
  cuts: Segment[];
}

/** Where the sheets of `plan` are folded and cut. */
export function layoutGuides(plan: ImpositionPlan, sheet: Size): SheetGuides {
  const { width, height } = sheet;
  const vertical = (x: number): Segment => ({ x1: x, y1: 0, x2: x, y2: height });
  const horizontal = (y: number): Segment => ({ x1: 0, y1: y, x2: width, y2: y });
  switch (plan.layout) {
    case 'booklet':
      return { folds: [vertical(width / 2)], cuts: [] };
    case 'minizine': {
      const { folds, cut } = minizineGuides(sheet);
      return { folds, cuts: [cut] };
    }
    case 'quarter':
      return { folds: [vertical(width / 2)], cuts: [horizontal(height / 2)] };
    case 'cut-stack':
      return { folds: [], cuts: [vertical(width / 2)] };
    case 'nup': {
      const columns = Array.from({ length: plan.columns - 1 }, (_, i) => vertical(((i + 1) * width) / plan.columns));
      const rows = Array.from({ length: plan.rows - 1 }, (_, i) => horizontal(((i + 1) * height) / plan.rows));
      return { folds: [], cuts: [...columns, ...rows] };
    }
  }
}
