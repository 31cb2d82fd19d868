// Saddle-stitch booklet imposition: source pages two-up on landscape sheets, in fold order, with signatures and creep.
import type { PDFDocument, PDFEmbeddedPage } from 'pdf-lib';
import { planBooklet, type BookletSheet, type SheetSide } from './booklet-order.ts';
import { drawPageInCell, embedSourcePages } from './draw-page.ts';
import { createImposedPdf, loadSourcePdf, saveReproducibly, type ReproducibleOptions } from './imposed-document.ts';
import { gridCell, largestSize, resolveSheet, type SheetChoice, type Size } from './sheet-size.ts';

export interface BookletOptions extends ReproducibleOptions {
  /** Sheet to print on. Default `auto`: twice the page size (A5 → A4, half-letter → Letter, A6 → A5). */
  sheet?: SheetChoice;
  /** Sheets per signature for thick zines; each signature is folded separately and the signatures stacked. */
  signatureSheets?: number;
  /** Creep compensation in points: the innermost sheet of each signature moves its pages this far toward the fold. */
  creep?: number;
}

/**
 * Impose a PDF as a saddle-stitched booklet: two pages side by side on each side of a landscape sheet, padded with
 * blanks before the back cover to a multiple of four. Print duplex, flipping on the SHORT edge, fold the stack and
 * it reads front to back. Flipping on the short edge turns a landscape sheet over like a book page (about its
 * vertical centre line), so every back side is drawn upright; a long-edge flip would need each back turned 180°.
 */
export async function imposeBooklet(pdf: Uint8Array, options: BookletOptions = {}): Promise<Uint8Array> {
  const source = await loadSourcePdf(pdf);
  const plan = planBooklet(source.getPageCount(), options);
  const sheet = resolveSheet(options.sheet ?? 'auto', largestSize(source.getPages().map((p) => p.getTrimBox())), 2, 1);
  const imposed = await createImposedPdf(source);
  const pages = await embedSourcePages(imposed, source);
  for (const sheetPlan of plan) drawSheet(imposed, sheet, pages, sheetPlan);
  return saveReproducibly(imposed, source, options);
}

function drawSheet(imposed: PDFDocument, sheet: Size, pages: Array<PDFEmbeddedPage | null>, plan: BookletSheet): void {
  drawSide(imposed, sheet, pages, plan.front, plan.creepShift);
  drawSide(imposed, sheet, pages, plan.back, plan.creepShift);
}

/** One printed side: the left page moves right and the right page left by the creep shift, both toward the fold. */
function drawSide(
  imposed: PDFDocument,
  sheet: Size,
  pages: Array<PDFEmbeddedPage | null>,
  side: SheetSide,
  creepShift: number,
): void {
  const page = imposed.addPage([sheet.width, sheet.height]);
  const left = side.left === null ? null : pages[side.left];
  const right = side.right === null ? null : pages[side.right];
  if (left) drawPageInCell(page, left, gridCell(sheet, 2, 1, 0, 0), { shiftX: creepShift });
  if (right) drawPageInCell(page, right, gridCell(sheet, 2, 1, 1, 0), { shiftX: -creepShift });
}
