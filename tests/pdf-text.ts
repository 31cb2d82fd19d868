// Read a PDF back with pdfjs-dist for tests: page boxes, text items with position, size and rotation, fonts used.
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

export interface PdfTextItem {
  text: string;
  /** Where the text starts, in the page's user space (points). */
  x: number;
  y: number;
  /** Font size after every transform (the text matrix's scale). */
  size: number;
  /** Rotation of the text in whole degrees, 0–359: 0 upright, 180 upside down. */
  angle: number;
  /** The pdfjs font id, for looking the font up in `commonObjs`. */
  fontName: string;
}

export interface PdfPageText {
  /** The page's visible box [x0, y0, x1, y1] (pdfjs `view`: the CropBox). */
  view: [number, number, number, number];
  width: number;
  height: number;
  items: PdfTextItem[];
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Open a PDF with pdfjs (on a copy, since pdfjs may detach the buffer). */
export function openPdf(pdf: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: pdf.slice(),
    standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
    verbosity: 0,
  }).promise;
}

/** Text and size of every page, in page order. */
export async function readPdfText(pdf: Uint8Array): Promise<PdfPageText[]> {
  const document = await openPdf(pdf);
  const pages: PdfPageText[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [toTextItem(item)] : []));
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    pages.push({ view: [x0, y0, x1, y1], width: x1 - x0, height: y1 - y0, items });
  }
  await document.destroy();
  return pages;
}

function toTextItem(item: { str: string; transform: number[]; fontName: string }): PdfTextItem {
  const [a, b, , , e, f] = item.transform as [number, number, number, number, number, number];
  const degrees = Math.round((Math.atan2(b, a) * 180) / Math.PI);
  const angle = ((degrees % 360) + 360) % 360;
  return { text: item.str, x: e, y: f, size: Math.hypot(a, b), angle, fontName: item.fontName };
}

/** The fonts page `pageNumber` (1-based) uses, with whether the PDF carries the font file. */
export async function readPageFonts(pdf: Uint8Array, pageNumber = 1): Promise<Array<{ name: string; embedded: boolean }>> {
  const document = await openPdf(pdf);
  const page = await document.getPage(pageNumber);
  const { fnArray, argsArray } = await page.getOperatorList();
  const ids = new Set(fnArray.flatMap((fn, index) => (fn === OPS.setFont ? [argsArray[index][0] as string] : [])));
  const fonts = [...ids].map((id) => {
    const font = page.commonObjs.get(id) as { name: string; missingFile: boolean };
    return { name: font.name, embedded: !font.missingFile };
  });
  await document.destroy();
  return fonts;
}
