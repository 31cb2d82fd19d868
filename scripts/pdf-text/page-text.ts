// The text layer of a PDF as readers search and copy it: each page's shown strings through their fonts' ToUnicode maps.
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import { parseContentStream, type Operand } from './content-stream.ts';
import { parseToUnicode, utf16, type ToUnicode } from './to-unicode.ts';

export interface PageText {
  /** The page's text in drawing order, marked-content ActualText in place of the glyphs it covers. */
  text: string;
  /** How many glyphs drawn were `.notdef` (code 0 of a composite font): boxes on paper. */
  notdef: number;
}

export interface FontInfo {
  toUnicode: ToUnicode;
  /** Bytes per character code: 2 for composite (Type0, Identity-H) fonts, 1 for simple ones. */
  width: 1 | 2;
}

/** Every page's text. */
export function readPdfTextLayer(pdf: PDFDocument): PageText[] {
  const fonts = new Map<PDFDict, FontInfo>();
  return pdf.getPages().map((page) => {
    const result: PageText = { text: '', notdef: 0 };
    readContent(pageContent(page), page.node.Resources(), fonts, result, 0);
    return result;
  });
}

/** The bytes of a page's content streams, joined (latin1). */
export function pageContent(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams.map((stream) => (stream instanceof PDFStream ? streamText(stream) : '')).join('\n');
}

export function streamText(stream: PDFStream): string {
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function readContent(content: string, resources: PDFDict | undefined, fonts: Map<PDFDict, FontInfo>, result: PageText, depth: number) {
  let font: FontInfo | undefined;
  // ActualText spans: while one is open, its text stands for every glyph inside it.
  const marks: boolean[] = [];
  const show = (operand: Operand | undefined) => {
    if (!operand || typeof operand !== 'object' || !('bytes' in operand) || !font) return;
    const { bytes } = operand;
    for (let at = 0; at + font.width <= bytes.length; at += font.width) {
      const code = bytes.slice(at, at + font.width);
      if (font.width === 2 && code === '\0\0') result.notdef++;
      if (!marks.includes(true)) result.text += font.toUnicode.get(code) ?? '';
    }
  };
  for (const { operator, operands } of parseContentStream(content)) {
    switch (operator) {
      case 'Tf': {
        const name = operands[0];
        font = name && typeof name === 'object' && 'name' in name ? fontInfo(resources, name.name, fonts) : undefined;
        break;
      }
      case 'Tj':
      case "'":
        show(operands[0]);
        break;
      case '"':
        show(operands[2]);
        break;
      case 'TJ':
        if (Array.isArray(operands[0])) for (const item of operands[0]) show(item);
        break;
      case 'BMC':
        marks.push(false);
        break;
      case 'BDC': {
        const properties = operands[1];
        const actual = properties && typeof properties === 'object' && 'dict' in properties ? properties.dict.get('ActualText') : undefined;
        if (actual && typeof actual === 'object' && 'bytes' in actual && !marks.includes(true)) result.text += actualText(actual.bytes);
        marks.push(Boolean(actual));
        break;
      }
      case 'EMC':
        marks.pop();
        break;
      case 'Do': {
        const name = operands[0];
        const form = name && typeof name === 'object' && 'name' in name ? formXObject(resources, name.name) : undefined;
        if (form && depth < 8) readContent(streamText(form), form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, fonts, result, depth + 1);
        break;
      }
    }
  }
}

/** An ActualText string: UTF-16BE with its byte order mark, or PDFDocEncoding (read as latin1). */
export function actualText(bytes: string): string {
  if (!bytes.startsWith('\xfe\xff')) return bytes;
  let hex = '';
  for (let index = 2; index < bytes.length; index++) hex += bytes.charCodeAt(index).toString(16).padStart(2, '0');
  return utf16(hex);
}

export function fontInfo(resources: PDFDict | undefined, name: string, fonts: Map<PDFDict, FontInfo>): FontInfo | undefined {
  const font = resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.lookupMaybe(PDFName.of(name), PDFDict);
  if (!font) return undefined;
  let info = fonts.get(font);
  if (!info) {
    const cmap = font.lookupMaybe(PDFName.of('ToUnicode'), PDFStream);
    const composite = font.lookupMaybe(PDFName.of('Subtype'), PDFName) === PDFName.of('Type0');
    info = { toUnicode: cmap ? parseToUnicode(streamText(cmap)) : new Map(), width: composite ? 2 : 1 };
    fonts.set(font, info);
  }
  return info;
}

function formXObject(resources: PDFDict | undefined, name: string): PDFStream | undefined {
  const object = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.get(PDFName.of(name));
  const stream = object instanceof PDFRef ? resources!.context.lookup(object) : object;
  return stream instanceof PDFStream && stream.dict.lookupMaybe(PDFName.of('Subtype'), PDFName) === PDFName.of('Form') ? stream : undefined;
}
