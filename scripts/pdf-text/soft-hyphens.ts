// Words, not soft hyphens, in the text layer: Chromium marks every U+00AD of the text as ActualText, so search and copy
// find "ac­cord­ing" where the page shows "according". Rewritten in the page content after printing.
import type { PDFDict, PDFDocument, PDFPage } from 'pdf-lib';
import type { Operand } from './content-stream.ts';
import { actualText, fontInfo, pageParser, replaceStream, type FontInfo, type PageParser } from './page-text.ts';

const HYPHENS = /^[-\u2010]+$/;
/** Operators that set the text position without regard to the last glyph's advance (and the end of a text object). */
const PLACES_AFRESH = new Set(['Td', 'TD', 'Tm', 'T*', 'ET']);
const EMPTY_SPAN = '/Span <</ActualText <FEFF>>> BDC';

/**
 * Each ActualText span holding soft hyphens, on every page: where the line breaks, the hyphen glyph it draws reads as
 * "-" (the span goes, the glyph's own text stays); inside a line it reads as its text without them ("f­f" under an
 * ff ligature reads "ff", a lone soft hyphen as nothing). Chromium 156 draws a lone soft hyphen as the space glyph at
 * no advance, which readers that ignore ActualText (pdf.js, MuPDF) read as a space inside the word ("Sub se quent"):
 * that invisible glyph goes too, when the next glyph is placed afresh (so no position depends on its advance).
 * The rewriter returns how many spans of the page it was given it rewrote.
 */
export function softHyphenRewriter(pdf: PDFDocument, parse = pageParser()): (page: PDFPage) => number {
  const fonts = new Map<PDFDict, FontInfo>();
  return (page) => rewritePage(pdf, page, parse(page), fonts);
}

function rewritePage(pdf: PDFDocument, page: PDFPage, { content, operations }: ReturnType<PageParser>, fonts: Map<PDFDict, FontInfo>): number {
  if (!content.includes('ActualText')) return 0;
  const resources = page.node.Resources();
  const edits: { start: number; end: number; text: string }[] = [];
  let spans = 0;
  let font: FontInfo | undefined;
  // Open marked-content spans; a soft-hyphen span remembers its BDC and the text its glyphs stand for.
  const open: ({ start: number; end: number; glyphText: string; actual: string; shows: { start: number; end: number; operator: string }[] } | null)[] = [];
  // A whitespace-only glyph span, removed whole if the next operation positions text afresh.
  let blank: { start: number; end: number }[] | undefined;
  const shown = (operand: Operand | undefined): string => {
    if (!font || !operand || typeof operand !== 'object') return '';
    if (Array.isArray(operand)) return operand.map(shown).join('');
    if (!('bytes' in operand)) return '';
    let text = '';
    for (let at = 0; at + font.width <= operand.bytes.length; at += font.width) text += font.toUnicode.get(operand.bytes.slice(at, at + font.width)) ?? '';
    return text;
  };
  for (const operation of operations) {
    const { operator, operands } = operation;
    if (blank) edits.push(...(PLACES_AFRESH.has(operator) ? blank.map(({ start, end }) => ({ start, end, text: '' })) : [{ ...blank[0]!, text: EMPTY_SPAN }]));
    blank = undefined;
    if (operator === 'Tf') {
      const name = operands[0];
      font = name && typeof name === 'object' && 'name' in name ? fontInfo(resources, name.name, fonts) : undefined;
    } else if (operator === 'BMC') {
      open.push(null);
    } else if (operator === 'BDC') {
      const properties = operands[1];
      const actual = properties && typeof properties === 'object' && 'dict' in properties ? properties.dict.get('ActualText') : undefined;
      const text = actual && typeof actual === 'object' && 'bytes' in actual ? actualText(actual.bytes) : '';
      open.push(text.includes('\u00ad') ? { start: operation.start, end: operation.end, glyphText: '', actual: text.replace(/\u00ad/g, ''), shows: [] } : null);
    } else if (operator === 'EMC') {
      const span = open.pop();
      if (!span) continue;
      spans++;
      if (span.actual === '' && HYPHENS.test(span.glyphText)) {
        edits.push({ start: span.start, end: span.end, text: '' }, { start: operation.start, end: operation.end, text: '' });
      } else if (span.actual === '' && span.glyphText !== '' && span.glyphText.trim() === '' && span.shows.every((show) => show.operator === 'Tj' || show.operator === 'TJ')) {
        blank = [span, ...span.shows, operation];
      } else {
        edits.push({ start: span.start, end: span.end, text: `/Span <</ActualText <FEFF${utf16Hex(span.actual)}>>> BDC` });
      }
    } else if (['Tj', "'", '"', 'TJ'].includes(operator) && open.length > 0) {
      const span = open.at(-1);
      if (span) {
        span.glyphText += shown(operator === '"' ? operands[2] : operands[0]);
        span.shows.push(operation);
      }
    }
  }
  if (blank) edits.push(...blank.map(({ start, end }) => ({ start, end, text: '' })));
  if (spans === 0) return 0;
  let result = '';
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    result += content.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  result += content.slice(at);
  replaceStream(pdf, page.node, 'Contents', result);
  return spans;
}

function utf16Hex(text: string): string {
  let hex = '';
  for (let index = 0; index < text.length; index++) hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}
