// Fonts a PDF uses without carrying them (pdf-lib): a print shop's machine would set that text in a substitute.
import { PDFArray, PDFDict, PDFName, type PDFDocument } from 'pdf-lib';
import { pageResources } from './pdf-resources.ts';

const FONT_FILES = ['FontFile', 'FontFile2', 'FontFile3'].map((key) => PDFName.of(key));

/** Names of the fonts on any page whose font program is not in the file, each once, in page order. */
export function fontsNotEmbedded(doc: PDFDocument): string[] {
  const missing = new Set<string>();
  for (const page of doc.getPages()) {
    for (const resources of pageResources(doc, page).resources) {
      const fonts = resources.lookup(PDFName.of('Font'));
      if (!(fonts instanceof PDFDict)) continue;
      for (const ref of fonts.values()) {
        const font = doc.context.lookup(ref);
        if (font instanceof PDFDict && !isEmbedded(font)) missing.add(font.get(PDFName.of('BaseFont'))?.toString().slice(1) ?? 'unnamed');
      }
    }
  }
  return [...missing];
}

/** Type 3 fonts are drawn by the file itself; composite fonts carry their program in the descendant font. */
function isEmbedded(font: PDFDict): boolean {
  const subtype = font.get(PDFName.of('Subtype'));
  if (subtype === PDFName.of('Type3')) return true;
  const descendants = font.lookup(PDFName.of('DescendantFonts'));
  const holder = subtype === PDFName.of('Type0') && descendants instanceof PDFArray ? descendants.lookup(0) : font;
  const descriptor = holder instanceof PDFDict ? holder.lookup(PDFName.of('FontDescriptor')) : undefined;
  return descriptor instanceof PDFDict && FONT_FILES.some((key) => descriptor.has(key));
}
