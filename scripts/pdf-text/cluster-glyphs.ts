// Glyphs a shaper substituted (a Thai tone mark raised over a vowel, an Indic conjunct) have no character in the font's
// cmap, so Chromium maps them to U+0000 in ToUnicode and puts the cluster's text in an ActualText span instead. Poppler
// reads the span; pdf.js, MuPDF and PDFium read the glyphs, and "ทั้ง" comes out as "ทั\0ง": search finds nothing.
// Each such glyph is given the text its spans leave over, in its font's ToUnicode, after printing.
import { PDFDict, PDFName, PDFStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { Operand } from './content-stream.ts';
import { actualText, pageParser, replaceStream, streamText, type PageParser } from './page-text.ts';
import { parseToUnicode, type ToUnicode } from './to-unicode.ts';

/** A font as its text layer reads: its ToUnicode stream, parsed. */
interface MappedFont {
  dict: PDFDict;
  toUnicode: ToUnicode;
  /** Unmapped code → the texts its spans leave over (one text, or it stays as it is). */
  found: Map<string, Set<string>>;
}

const unmapped = (text: string | undefined) => text === undefined || text === '' || /^\0+$/.test(text);

/**
 * Give every glyph that reads as nothing (or U+0000), and that is the one such glyph of an ActualText span, the text the
 * span has beyond its other glyphs' text, when every span it is in agrees: `collect` each page's spans, then `finish`,
 * which returns how many codes were mapped.
 */
export function clusterGlyphMapper(pdf: PDFDocument, parse = pageParser()): { collect: (page: PDFPage) => void; finish: () => number } {
  const fonts = new Map<PDFDict, MappedFont | null>();
  return {
    collect: (page) => collectSpans(page, parse, fonts),
    finish() {
      let mapped = 0;
      for (const font of fonts.values()) {
        if (!font) continue;
        let changed = false;
        for (const [code, texts] of font.found) {
          if (texts.size !== 1) continue;
          font.toUnicode.set(code, [...texts][0]!);
          changed = true;
          mapped++;
        }
        if (changed) replaceStream(pdf, font.dict, 'ToUnicode', writeToUnicode(font.toUnicode));
      }
      return mapped;
    },
  };
}

function collectSpans(page: PDFPage, parse: PageParser, fonts: Map<PDFDict, MappedFont | null>) {
  const resources = page.node.Resources();
  if (!hasUnmappedFont(resources, fonts)) return;
  const { content, operations } = parse(page);
  if (!content.includes('ActualText')) return;
  let font: MappedFont | null = null;
  // The ActualText span open, at which marked-content depth (inside the tags' marks), and the codes shown in it.
  let span: { text: string; depth: number; shown: { font: MappedFont | null; code: string }[] } | undefined;
  let depth = 0;
  const show = (operand: Operand | undefined) => {
    if (!span || !operand || typeof operand !== 'object') return;
    if (Array.isArray(operand)) return operand.forEach(show);
    if (!('bytes' in operand)) return;
    for (let at = 0; at + 2 <= operand.bytes.length; at += 2) span.shown.push({ font, code: operand.bytes.slice(at, at + 2) });
  };
  for (const { operator, operands } of operations) {
    if (operator === 'Tf') {
      const name = operands[0];
      font = name && typeof name === 'object' && 'name' in name ? mappedFont(resources, name.name, fonts) : null;
    } else if (operator === 'Tj' || operator === "'" || operator === 'TJ') {
      show(operands[0]);
    } else if (operator === '"') {
      show(operands[2]);
    } else if (operator === 'BMC' || operator === 'BDC') {
      depth++;
      const properties = operands[1];
      const actual = operator === 'BDC' && properties && typeof properties === 'object' && 'dict' in properties ? properties.dict.get('ActualText') : undefined;
      if (actual && typeof actual === 'object' && 'bytes' in actual && !span) span = { text: actualText(actual.bytes), depth, shown: [] };
    } else if (operator === 'EMC') {
      if (span?.depth === depth) {
        attribute(span);
        span = undefined;
      }
      depth--;
    }
  }
}

/** The span's one unmapped glyph stands for what is left of its text once the other glyphs' texts are taken out. */
function attribute(span: { text: string; depth: number; shown: { font: MappedFont | null; code: string }[] }) {
  // Soft hyphens are rewritten on their own (soft-hyphens.ts); a span over several fonts cannot be attributed.
  if (span.text.includes('\u00ad') || span.shown.length === 0) return;
  const font = span.shown[0]!.font;
  if (!font || span.shown.some((glyph) => glyph.font !== font)) return;
  const blanks = span.shown.filter((glyph) => glyph.code !== '\0\0' && unmapped(font.toUnicode.get(glyph.code)));
  if (blanks.length !== 1) return;
  let rest = span.text;
  for (const glyph of span.shown) {
    const text = font.toUnicode.get(glyph.code);
    if (glyph === blanks[0] || unmapped(text)) continue;
    const at = rest.indexOf(text!);
    if (at === -1) return; // the glyphs say something the span does not: leave it
    rest = rest.slice(0, at) + rest.slice(at + text!.length);
  }
  if (rest === '') return;
  const code = blanks[0]!.code;
  font.found.set(code, (font.found.get(code) ?? new Set()).add(rest));
}

/** Whether a font of the page maps a code to nothing: most pages (Latin, Chinese) need no reading. */
function hasUnmappedFont(resources: PDFDict | undefined, fonts: Map<PDFDict, MappedFont | null>): boolean {
  const names = resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.keys() ?? [];
  return names.some((name) => [...(mappedFont(resources, name.decodeText(), fonts)?.toUnicode.values() ?? [])].some(unmapped));
}

/** The composite font `name` of `resources`, with its ToUnicode stream; null for a simple font or one without. */
function mappedFont(resources: PDFDict | undefined, name: string, fonts: Map<PDFDict, MappedFont | null>): MappedFont | null {
  const dict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.lookupMaybe(PDFName.of(name), PDFDict);
  if (!dict) return null;
  if (!fonts.has(dict)) {
    const stream = dict.lookupMaybe(PDFName.of('ToUnicode'), PDFStream);
    const composite = dict.lookupMaybe(PDFName.of('Subtype'), PDFName) === PDFName.of('Type0');
    fonts.set(dict, stream && composite ? { dict, toUnicode: parseToUnicode(streamText(stream)), found: new Map() } : null);
  }
  return fonts.get(dict)!;
}

/** A ToUnicode CMap program for two-byte codes, one bfchar entry a code, in code order. */
export function writeToUnicode(toUnicode: ToUnicode): string {
  const hex = (text: string, width: number) => [...text].map((char) => char.charCodeAt(0).toString(16).padStart(width, '0')).join('').toUpperCase();
  const utf16 = (text: string) => Array.from({ length: text.length }, (_, index) => text.charCodeAt(index).toString(16).padStart(4, '0')).join('').toUpperCase();
  const entries = [...toUnicode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, text]) => `<${hex(code, 2)}> <${utf16(text)}>`);
  const blocks: string[] = [];
  // A bfchar block holds at most 100 entries (Adobe TN 5411).
  for (let index = 0; index < entries.length; index += 100) {
    const block = entries.slice(index, index + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
