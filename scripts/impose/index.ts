// The impose stage: booklet, mini zine, quarter, cut-stack, n-up and print-mark layouts of a finished PDF (pdf-lib, vector throughout).
export { imposeBooklet, imposeLayout, imposeMinizine, type BookletOptions, type ImposeOptions, type MinizineOptions } from './impose-layout.ts';
export { planLayout, NUP_GRIDS, type LayoutOptions } from './layouts.ts';
export { LAYOUT_NAMES, type Binding, type ImpositionPlan, type LayoutName } from './layout-plan.ts';
export { parseSignatureSheets, type SheetRange, type SignatureSheets } from './booklet-order.ts';
export { addPrintMarks, DEFAULT_BLEED, type PrintMarksOptions } from './print-marks.ts';
export { ImposeError } from './impose-error.ts';
export type { ReproducibleOptions } from './imposed-document.ts';
export type { SheetChoice, SheetName } from './sheet-size.ts';
