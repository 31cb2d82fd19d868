// Fixture PDFs for the impose tests, made with pdf-lib: page n shows "PAGE n" in a standard or an embedded font.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beginText, endText, moveText, PDFDocument, PDFHexString, PDFName, setFontAndSize, showText } from 'pdf-lib';
import { StandardFonts } from 'pdf-lib';
import type { PDFRef } from 'pdf-lib';

export const A5: [number, number] = [419.53, 595.28];
export const A6: [number, number] = [297.64, 419.53];
export const A7: [number, number] = [209.76, 297.64];
export const HALF_LETTER: [number, number] = [396, 612];
export const FIXTURE_DATE = new Date('2024-05-01T12:00:00Z');

export interface NumberedPdfOptions {
  size?: [number, number];
  /** `standard`: Helvetica, not embedded. `embedded`: Liberation Sans embedded as a TrueType font file. */
  font?: 'standard' | 'embedded';
  /** 1-based pages left empty: no label and no content stream at all. */
  emptyPages?: number[];
}

/** Where the label sits on every fixture page (its start), and its font size: a tenth of the page width. */
export function labelPosition([width, height]: [number, number]): { x: number; y: number; size: number } {
  return { x: width / 10, y: height / 2, size: width / 10 };
}

/** A PDF of `pageCount` pages numbered "PAGE 1"…, with title, author, language and a fixed date. */
export async function makeNumberedPdf(pageCount: number, options: NumberedPdfOptions = {}): Promise<Uint8Array> {
  const size = options.size ?? A5;
  const doc = await PDFDocument.create();
  doc.setTitle('Fixture Zine');
  doc.setAuthor('Test Author');
  doc.setLanguage('kk');
  doc.setCreationDate(FIXTURE_DATE);
  doc.setModificationDate(FIXTURE_DATE);
  const label = labelPosition(size);
  if (options.font === 'embedded') {
    const font = await embedLiberationSans(doc);
    for (let number = 1; number <= pageCount; number++) {
      const page = doc.addPage(size);
      page.node.setFontDictionary(PDFName.of('FLib'), font);
      const text = PDFHexString.of(Buffer.from(`PAGE ${number}`, 'latin1').toString('hex'));
      page.pushOperators(beginText(), setFontAndSize('FLib', label.size), moveText(label.x, label.y), showText(text), endText());
    }
  } else {
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let number = 1; number <= pageCount; number++) {
      const page = doc.addPage(size);
      if (!options.emptyPages?.includes(number)) page.drawText(`PAGE ${number}`, { ...label, font });
    }
  }
  return doc.save();
}

/**
 * A simple TrueType font dictionary with the whole font file embedded (FontFile2), WinAnsi-encoded. Liberation Sans
 * has Helvetica's metrics, so pdf-lib's Helvetica widths serve as its /Widths.
 */
async function embedLiberationSans(doc: PDFDocument): Promise<PDFRef> {
  const helvetica = await doc.embedFont(StandardFonts.Helvetica, { subset: false });
  const widthOf = (code: number) => helvetica.widthOfTextAtSize(String.fromCharCode(code), 1000);
  const widths = Array.from({ length: 95 }, (_, index) => widthOf(32 + index));
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const bytes = readFileSync(path.join(root, 'standard_fonts', 'LiberationSans-Regular.ttf'));
  const { context } = doc;
  const fontFile = context.register(context.flateStream(bytes, { Length1: bytes.length }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor', FontName: 'LiberationSans', Flags: 32, ItalicAngle: 0, Ascent: 905, Descent: -212,
      CapHeight: 688, StemV: 80, FontBBox: [-544, -303, 1302, 980], FontFile2: fontFile,
    }),
  );
  return context.register(
    context.obj({
      Type: 'Font', Subtype: 'TrueType', BaseFont: 'LiberationSans', Encoding: 'WinAnsiEncoding',
      FirstChar: 32, LastChar: 126, Widths: widths, FontDescriptor: descriptor,
    }),
  );
}
