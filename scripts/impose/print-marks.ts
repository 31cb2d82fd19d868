// Bleed and crop marks: grow each page by the bleed plus a slug, set its boxes, draw crop marks outside the bleed.
import { clip, cmyk, endPath, popGraphicsState, pushGraphicsState, rectangle, type PDFPage } from 'pdf-lib';
import { ImposeError } from './impose-error.ts';
import { loadSourcePdf, saveReproducibly, type ReproducibleOptions } from './imposed-document.ts';
import { cropMarks, printBoxes } from './print-marks-geometry.ts';
import type { Rect } from './sheet-size.ts';

export interface PrintMarksOptions extends ReproducibleOptions {
  /** Bleed on every side, in points. Default 3 mm (8.504 pt). */
  bleed?: number;
  /** Draw crop marks in a slug beyond the bleed. Default true. */
  marks?: boolean;
}

export const DEFAULT_BLEED = (3 * 72) / 25.4;
/** All four inks, so marks show on every plate (the usual stand-in for the registration colour). */
const MARK_COLOR = cmyk(1, 1, 1, 1);
const MARK_WIDTH = 0.25;

/**
 * Prepare a PDF for a print shop: each page's TrimBox stays the original page, the BleedBox grows by `bleed` on
 * every side, and the MediaBox (and CropBox) grows further to hold crop marks. Page content stays where it is,
 * so artwork that runs past the page edge shows in the bleed; anything past the bleed is clipped.
 */
export async function addPrintMarks(pdf: Uint8Array, options: PrintMarksOptions = {}): Promise<Uint8Array> {
  const bleed = options.bleed ?? DEFAULT_BLEED;
  if (!Number.isFinite(bleed) || bleed < 0) throw new ImposeError(`bleed must be 0 or more points, not ${bleed}.`);
  const doc = await loadSourcePdf(pdf);
  for (const page of doc.getPages()) addBleedAndMarks(page, bleed, options.marks ?? true);
  return saveReproducibly(doc, doc, options);
}

function addBleedAndMarks(page: PDFPage, bleed: number, marks: boolean): void {
  const boxes = printBoxes(page.getTrimBox(), bleed, marks);
  clipContent(page, boxes.bleed);
  page.setMediaBox(boxes.media.x, boxes.media.y, boxes.media.width, boxes.media.height);
  page.setCropBox(boxes.media.x, boxes.media.y, boxes.media.width, boxes.media.height);
  page.setBleedBox(boxes.bleed.x, boxes.bleed.y, boxes.bleed.width, boxes.bleed.height);
  page.setTrimBox(boxes.trim.x, boxes.trim.y, boxes.trim.width, boxes.trim.height);
  if (!marks) return;
  for (const mark of cropMarks(boxes.trim, bleed)) {
    const line = { start: { x: mark.x1, y: mark.y1 }, end: { x: mark.x2, y: mark.y2 } };
    page.drawLine({ ...line, thickness: MARK_WIDTH, color: MARK_COLOR });
  }
}

/** Wrap the page's existing content streams in a clip to `rect`; later drawing (the marks) stays outside it. */
function clipContent(page: PDFPage, rect: Rect): void {
  const { context } = page.doc;
  page.node.normalize();
  const clipPath = rectangle(rect.x, rect.y, rect.width, rect.height);
  const start = context.contentStream([pushGraphicsState(), clipPath, clip(), endPath()]);
  const end = context.contentStream([popGraphicsState()]);
  page.node.wrapContentStreams(context.register(start), context.register(end));
}
