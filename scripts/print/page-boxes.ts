// Chromium rounds the paper size to whole device units (A5 comes out 420 × 594.96 pt): set the exact size back.
import type { PDFDocument } from 'pdf-lib';

/** Give every page of `pdf` the page size of the config, in points, keeping the content anchored at the top left. */
export function setExactPageSize(pdf: PDFDocument, width: number, height: number): void {
  for (const page of pdf.getPages()) {
    const box = page.getMediaBox();
    // Chromium draws from the top edge down: grow or shrink the box at the bottom so the top edge stays put.
    const top = box.y + box.height;
    page.setMediaBox(box.x, top - height, width, height);
    page.setCropBox(box.x, top - height, width, height);
  }
}
