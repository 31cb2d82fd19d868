// One-sheet mini zine imposition: eight pages in a 4 × 2 grid, top row upside down, with optional fold/cut guides.
import { grayscale, LineCapStyle, type PDFPage } from 'pdf-lib';
import { padBeforeBackCover } from './booklet-order.ts';
import { drawPageInCell, embedSourcePages } from './draw-page.ts';
import { ImposeError } from './impose-error.ts';
import { createImposedPdf, loadSourcePdf, saveReproducibly, type ReproducibleOptions } from './imposed-document.ts';
import {
  MINIZINE_CELLS,
  MINIZINE_COLUMNS,
  MINIZINE_PAGES,
  MINIZINE_ROWS,
  minizineCellRect,
  minizineGuides,
} from './minizine-layout.ts';
import { largestSize, resolveSheet, type Segment, type SheetChoice, type Size } from './sheet-size.ts';

export interface MinizineOptions extends ReproducibleOptions {
  /** Sheet to print on (single-sided). Default `a4`; `auto` picks the sheet four pages wide and two high. */
  sheet?: SheetChoice;
  /** Draw faint dashed fold lines and the solid cut line. Default false. */
  guides?: boolean;
}

const GUIDE_COLOR = grayscale(0.75);
const GUIDE_WIDTH = 0.25;

/**
 * Impose up to eight pages onto one landscape sheet that folds and cuts into a mini zine (layout and folding
 * explained at MINIZINE_CELLS). Fewer pages are padded with blanks before the back cover; more is an ImposeError.
 */
export async function imposeMinizine(pdf: Uint8Array, options: MinizineOptions = {}): Promise<Uint8Array> {
  const source = await loadSourcePdf(pdf);
  const pageCount = source.getPageCount();
  if (pageCount > MINIZINE_PAGES) {
    throw new ImposeError(
      `A mini zine holds ${MINIZINE_PAGES} pages but the PDF has ${pageCount}; ` +
        `choose a range of at most ${MINIZINE_PAGES} pages.`,
    );
  }
  const pageSize = largestSize(source.getPages().map((page) => page.getTrimBox()));
  const sheet = resolveSheet(options.sheet ?? 'a4', pageSize, MINIZINE_COLUMNS, MINIZINE_ROWS);
  const imposed = await createImposedPdf(source);
  const pages = await embedSourcePages(imposed, source);
  const sheetPage = imposed.addPage([sheet.width, sheet.height]);
  const slots = padBeforeBackCover(pageCount, MINIZINE_PAGES);
  for (const cell of MINIZINE_CELLS) {
    const slot = slots[cell.page] ?? null;
    const page = slot === null ? null : pages[slot];
    if (page) drawPageInCell(sheetPage, page, minizineCellRect(sheet, cell), { rotated: cell.rotated });
  }
  if (options.guides) drawGuides(sheetPage, sheet);
  return saveReproducibly(imposed, source, options);
}

function drawGuides(page: PDFPage, sheet: Size): void {
  const { folds, cut } = minizineGuides(sheet);
  for (const fold of folds) drawGuide(page, fold, [3, 3]);
  drawGuide(page, cut);
}

function drawGuide(page: PDFPage, line: Segment, dashArray?: number[]): void {
  page.drawLine({
    start: { x: line.x1, y: line.y1 },
    end: { x: line.x2, y: line.y2 },
    thickness: GUIDE_WIDTH,
    color: GUIDE_COLOR,
    lineCap: LineCapStyle.Butt,
    ...(dashArray ? { dashArray } : {}),
  });
}
