// Embedding source pages once and drawing them into a cell of a sheet (vector, never rasterised).
import { clip, endPath, popGraphicsState, pushGraphicsState, rectangle } from 'pdf-lib';
import type { PDFDocument, PDFEmbeddedPage, PDFPage } from 'pdf-lib';
import { fitCentred, type Rect } from './sheet-size.ts';

/**
 * Embed every source page once as a form XObject, cut to its TrimBox (the finished page, without bleed).
 * A page without content streams is blank and comes back as `null` (pdf-lib cannot embed it).
 */
export async function embedSourcePages(imposed: PDFDocument, source: PDFDocument): Promise<Array<PDFEmbeddedPage | null>> {
  const pages = source.getPages();
  const withContent = pages.filter((page) => page.node.Contents() !== undefined);
  const boxes = withContent.map((page) => {
    const { x, y, width, height } = page.getTrimBox();
    return { left: x, bottom: y, right: x + width, top: y + height };
  });
  const embedded = await imposed.embedPages(withContent, boxes);
  return pages.map((page) => {
    const index = withContent.indexOf(page);
    return index === -1 ? null : embedded[index]!;
  });
}

export interface DrawInCellOptions {
  /** Draw the page upside down (rotated 180° about the cell centre). */
  rotated?: boolean;
  /** Move the page sideways by this many points (creep compensation), after centring. */
  shiftX?: number;
}

/** Draw `page` centred in `cell`, scaled down only if it does not fit, and clipped to the cell. */
export function drawPageInCell(sheet: PDFPage, page: PDFEmbeddedPage, cell: Rect, options: DrawInCellOptions = {}): void {
  const { x, y, scale } = fitCentred({ width: page.width, height: page.height }, cell);
  const shiftX = options.shiftX ?? 0;
  sheet.pushOperators(pushGraphicsState(), rectangle(cell.x, cell.y, cell.width, cell.height), clip(), endPath());
  if (options.rotated) {
    // A scale of −1 on both axes is an exact 180° turn about the origin, so anchor the page at its far corner.
    sheet.drawPage(page, { x: x + shiftX + page.width * scale, y: y + page.height * scale, xScale: -scale, yScale: -scale });
  } else {
    sheet.drawPage(page, { x: x + shiftX, y, xScale: scale, yScale: scale });
  }
  sheet.pushOperators(popGraphicsState());
}
