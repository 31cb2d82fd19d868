// Impose a PDF in any layout: draw its plan onto sheets (vector, pages embedded once), with optional fold/cut guides.
import { grayscale, LineCapStyle, rgb, type Color, type PDFDocument, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib';
import { drawPageInCell, embedSourcePages } from './draw-page.ts';
import { createImposedPdf, loadSourcePdf, saveReproducibly, type ReproducibleOptions } from './imposed-document.ts';
import { layoutGuides } from './layout-guides.ts';
import type { ImpositionPlan, LayoutName, PlacedPage } from './layout-plan.ts';
import { planLayout, type LayoutOptions } from './layouts.ts';
import { gridCell, largestSize, resolveSheet, type Segment, type SheetChoice, type Size } from './sheet-size.ts';

export interface ImposeOptions extends ReproducibleOptions, LayoutOptions {
  /** Default `booklet`. */
  layout?: LayoutName;
  /** Sheet to print on. Default `auto` (the named sheet that holds the grid at 100 %); the mini zine defaults to A4. */
  sheet?: SheetChoice;
  /** Draw fold lines (dashed) and cut lines (solid): faint grey for print, or bold colours for the preview images. */
  guides?: boolean | 'preview';
}

export type BookletOptions = Omit<ImposeOptions, 'layout' | 'perSide'>;
export type MinizineOptions = Pick<ImposeOptions, 'sheet' | 'guides' | 'binding' | 'date'>;

const GUIDE_WIDTH = 0.25;
const FAINT = { fold: grayscale(0.75), cut: grayscale(0.75), width: GUIDE_WIDTH };
const PREVIEW = { fold: rgb(0, 0.35, 0.85), cut: rgb(0.85, 0, 0), width: 1.5 };

/** Impose `pdf` (bytes, or a document already parsed: it is only read) as `options.layout` says; an impossible layout or bad option is an ImposeError. */
export async function imposeLayout(pdf: Uint8Array | PDFDocument, options: ImposeOptions = {}): Promise<Uint8Array> {
  const source = await loadSourcePdf(pdf);
  const layout = options.layout ?? 'booklet';
  const plan = planLayout(layout, source.getPageCount(), options);
  const pageSize = largestSize(source.getPages().map((page) => page.getTrimBox()));
  const sheet = resolveSheet(options.sheet ?? (layout === 'minizine' ? 'a4' : 'auto'), pageSize, plan.columns, plan.rows);
  const imposed = await createImposedPdf(source);
  const pages = await embedSourcePages(imposed, source);
  for (const side of plan.sides) {
    const sheetPage = imposed.addPage([sheet.width, sheet.height]);
    for (const placed of side) drawPlaced(sheetPage, sheet, plan, pages, placed);
    if (options.guides) drawGuides(sheetPage, plan, sheet, options.guides === 'preview' ? PREVIEW : FAINT);
  }
  return saveReproducibly(imposed, source, options);
}

/** The saddle-stitched booklet (see planBooklet): print duplex, flipping on the short edge. */
export function imposeBooklet(pdf: Uint8Array | PDFDocument, options: BookletOptions = {}): Promise<Uint8Array> {
  return imposeLayout(pdf, { ...options, layout: 'booklet' });
}

/** The one-sheet, eight-page mini zine (see MINIZINE_CELLS); more than eight pages is an ImposeError. */
export function imposeMinizine(pdf: Uint8Array | PDFDocument, options: MinizineOptions = {}): Promise<Uint8Array> {
  return imposeLayout(pdf, { ...options, layout: 'minizine' });
}

function drawPlaced(sheetPage: PDFPage, sheet: Size, plan: ImpositionPlan, pages: Array<PDFEmbeddedPage | null>, placed: PlacedPage): void {
  const page = placed.slot === null ? null : pages[placed.slot];
  if (!page) return;
  const cell = gridCell(sheet, plan.columns, plan.rows, placed.column, placed.row);
  drawPageInCell(sheetPage, page, cell, { rotated: placed.rotated, shiftX: placed.shiftX });
}

function drawGuides(page: PDFPage, plan: ImpositionPlan, sheet: Size, style: { fold: Color; cut: Color; width: number }): void {
  const { folds, cuts } = layoutGuides(plan, sheet);
  for (const fold of folds) drawLine(page, fold, style.fold, style.width, [3, 3]);
  for (const cut of cuts) drawLine(page, cut, style.cut, style.width);
}

function drawLine(page: PDFPage, line: Segment, color: Color, thickness: number, dashArray?: number[]): void {
  page.drawLine({
    start: { x: line.x1, y: line.y1 },
    end: { x: line.x2, y: line.y2 },
    thickness,
    color,
    lineCap: LineCapStyle.Butt,
    ...(dashArray ? { dashArray } : {}),
  });
}
