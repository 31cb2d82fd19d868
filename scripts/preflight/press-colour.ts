// RGB left in a press PDF: a PDF/X for a CMYK press may hold only CMYK and grey (pdf-lib, every object and content stream).
import { decodePDFRawStream, PDFArray, PDFDict, PDFNumber, PDFName, PDFRawStream, PDFStream, type PDFDocument } from 'pdf-lib';
import { pageResources } from './pdf-resources.ts';

/** True when the PDF claims to be a PDF/X: an OutputIntent of subtype GTS_PDFX. */
export function claimsPdfx(doc: PDFDocument): boolean {
  const intents = doc.catalog.lookup(PDFName.of('OutputIntents'));
  return intents instanceof PDFArray && intents.asArray().some((intent) => {
    const dict = doc.context.lookup(intent);
    return dict instanceof PDFDict && dict.get(PDFName.of('S')) === PDFName.of('GTS_PDFX');
  });
}

/** 1-based pages of `doc` that use RGB: an RGB image or colour space, or RGB colour in their content or forms. */
export function pagesWithRgb(doc: PDFDocument): number[] {
  return doc.getPages().flatMap((page, index) => {
    const { resources, streams, images } = pageResources(doc, page);
    const spaces = resources.flatMap((dict) => {
      const named = dict.lookup(PDFName.of('ColorSpace'));
      return named instanceof PDFDict ? named.values() : [];
    });
    const rgb = spaces.some((space) => isRgb(doc, space)) || images.some((image) => isRgb(doc, image.dict.get(PDFName.of('ColorSpace')))) || streams.some(usesRgbOperators);
    return rgb ? [index + 1] : [];
  });
}

function isRgb(doc: PDFDocument, space: unknown): boolean {
  const resolved = space === undefined ? undefined : doc.context.lookup(space as never);
  if (resolved === PDFName.of('DeviceRGB')) return true;
  if (!(resolved instanceof PDFArray)) return false;
  const family = resolved.get(0);
  if (family === PDFName.of('CalRGB')) return true;
  if (family === PDFName.of('Indexed')) return isRgb(doc, resolved.get(1));
  if (family === PDFName.of('ICCBased')) {
    const profile = doc.context.lookup(resolved.get(1));
    const channels = profile instanceof PDFStream ? profile.dict.get(PDFName.of('N')) : undefined;
    return channels instanceof PDFNumber && channels.asNumber() === 3;
  }
  return false;
}

function usesRgbOperators(stream: PDFStream): boolean {
  if (!(stream instanceof PDFRawStream)) return false;
  let text: string;
  try {
    text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  } catch {
    return false;
  }
  return /(^|\s)(rg|RG)(\s|$)/.test(text) || /\/DeviceRGB\b/.test(text);
}
