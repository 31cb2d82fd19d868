// The text layer of a PDF as readers search and copy it: each page's shown strings through their fonts' ToUnicode maps.
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import { parseContentStream, type Operand, type Operation } from './content-stream.ts';
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
  return pdf.getPages().map(pageTextReader());
}

/** A reader of pages' texts (the fonts' ToUnicode maps parsed once for all the pages it reads). */
export function pageTextReader(parse = pageParser()): (page: PDFPage) => PageText {
  const fonts = new Map<PDFDict, FontInfo>();
  return (page) => {
    const result: PageText = { text: '', notdef: 0 };
    readContent(parse(page).operations, page.node.Resources(), fonts, result, 0);
    return result;
  };
}

/** A page's content (its streams joined, latin1) and its operations. */
export type PageParser = (page: PDFPage) => { content: string; operations: Operation[] };

/**
 * A parser that keeps the last page it parsed, for consecutive readers of the same page (mend.ts: its text, then its
 * soft-hyphen rewrite), and only that one: a book's pages parsed at once had the garbage collector take longer than
 * the parsing.
 */
export function pageParser(): PageParser {
  let last: { contents: object; content: string; operations: Operation[] } | undefined;
  return (page) => {
    const contents = page.node.Contents();
    if (!contents) return { content: '', operations: [] };
    if (last?.contents !== contents) {
      const content = pageContent(page);
      last = { contents, content, operations: parseContentStream(content) };
    }
    return last;
  };
}

/** The bytes of a page's content streams, joined (latin1). */
function pageContent(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams.map((stream) => (stream instanceof PDFStream ? streamText(stream) : '')).join('\n');
}

export function streamText(stream: PDFStream): string {
  // Node's zlib for the common case: pdf-lib's inflate, in JavaScript, is several times slower.
  const flate = stream instanceof PDFRawStream && stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'));
  const bytes = flate ? inflateSync(stream.contents) : stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function readContent(operations: Operation[], resources: PDFDict | undefined, fonts: Map<PDFDict, FontInfo>, result: PageText, depth: number) {
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
  for (const { operator, operands } of operations) {
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
        if (form && depth < 8) readContent(parseContentStream(streamText(form)), form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, fonts, result, depth + 1);
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

/**
 * Set `holder`'s `key` to a new stream of `data` (a string: latin1), deflated by Node's zlib (pdf-lib's own deflate
 * is pako, in JavaScript); the stream it replaces is dropped, or pdf-lib would still write it into the file.
 */
export function replaceStream(pdf: PDFDocument, holder: PDFDict, key: string, data: string | Uint8Array): void {
  const old = holder.get(PDFName.of(key));
  const stream = pdf.context.stream(deflateSync(typeof data === 'string' ? Buffer.from(data, 'latin1') : data), { Filter: 'FlateDecode' });
  holder.set(PDFName.of(key), pdf.context.register(stream));
  for (const ref of old instanceof PDFArray ? old.asArray() : [old]) if (ref instanceof PDFRef) pdf.context.delete(ref);
}
