// The impose stage: booklet, mini zine and print-mark layouts of a finished PDF (pdf-lib, vector throughout).
export { imposeBooklet, type BookletOptions } from './booklet.ts';
export { imposeMinizine, type MinizineOptions } from './minizine.ts';
export { addPrintMarks, DEFAULT_BLEED, type PrintMarksOptions } from './print-marks.ts';
export { ImposeError } from './impose-error.ts';
export type { ReproducibleOptions } from './imposed-document.ts';
export type { SheetChoice, SheetName } from './sheet-size.ts';
