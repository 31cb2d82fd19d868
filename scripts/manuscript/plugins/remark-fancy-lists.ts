// Pandoc fancy lists: `i.`, `a)`, `(A)` items (which CommonMark reads as a paragraph) become ordered lists in that style.
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { paragraphOf, splitLines, stripLinePrefix, type Line } from '../paragraph-lines.ts';

type Style = 'lower-roman' | 'upper-roman' | 'lower-alpha' | 'upper-alpha';

/** HTML's `<ol type>` for each style. */
const TYPE: Record<Style, string> = { 'lower-roman': 'i', 'upper-roman': 'I', 'lower-alpha': 'a', 'upper-alpha': 'A' };

/** Class the templates draw `a)` and `(a)` markers by (HTML's `<ol type>` knows only `a.`), e.g. `marker-paren-lower-alpha`. */
const DELIMITER_CLASS: Record<string, string | undefined> = { ')': 'marker-paren', '()': 'marker-parens' };

const MARKER = /^(\()?([ivxlcdm]+|[IVXLCDM]+|[a-z]|[A-Z])([.)])( +)/;

interface Marker {
  style: Style;
  value: number;
  /** `.`, `)` or `()`: a list keeps one. */
  delimiter: string;
}

/** remark plugin: paragraphs of fancy-list items become `list` nodes (adjacent ones of one style merge). */
export default function remarkFancyLists() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node) || !node.children.some((child) => child.type === 'paragraph')) return;
      const children: RootContent[] = [];
      for (const child of node.children as RootContent[]) {
        const list = child.type === 'paragraph' ? asList(child) : undefined;
        const previous = children[children.length - 1];
        if (list && previous?.type === 'list' && previous.data?.hProperties?.type === list.data?.hProperties?.type) {
          previous.children.push(...list.children);
          previous.spread = true;
          if (previous.position && list.position) previous.position.end = list.position.end;
        } else children.push(list ?? child);
      }
      (node as { children: RootContent[] }).children = children;
    });
  };
}

/** The paragraph as a list, when its first line starts with a fancy marker; lines with the same kind of marker start items. */
function asList(paragraph: Paragraph): List | undefined {
  const lines = splitLines(paragraph.children);
  const first = markerOf(lines[0]!);
  if (!first) return undefined;
  const items: Line[][] = [];
  for (const line of lines) {
    const marker = markerOf(line, first.style);
    if (marker && marker.style === first.style && marker.delimiter === first.delimiter) {
      stripLinePrefix(line, MARKER);
      items.push([line]);
    } else items[items.length - 1]!.push(line);
  }
  const children = items.map((item): ListItem => {
    const content = paragraphOf(item);
    return { type: 'listItem', spread: false, children: [content], position: content.position };
  });
  return { type: 'list', ordered: true, start: first.value, spread: false, children, position: paragraph.position, data: { hProperties: { type: TYPE[first.style], className: markerClass(first) } } };
}

function markerClass(marker: Marker): string[] | undefined {
  const delimiter = DELIMITER_CLASS[marker.delimiter];
  return delimiter ? [`${delimiter}-${marker.style}`] : undefined;
}

/** The fancy marker a line starts with; `style` (the list's) decides whether `i` is a letter or a numeral. */
function markerOf(line: Line, style?: Style): Marker | undefined {
  const text = line[0]?.type === 'text' ? line[0].value : '';
  const match = MARKER.exec(text);
  if (!match) return undefined;
  const [, open, symbol, close, spaces] = match as unknown as [string, string | undefined, string, string, string];
  if (open && close !== ')') return undefined;
  // Pandoc's rule: `B. Russell` is a name, not an item; a capital letter with a period needs two spaces.
  if (/^[A-Z]$/.test(symbol) && close === '.' && spaces.length < 2 && !style) return undefined;
  const delimiter = open ? '()' : close;
  const roman = romanValue(symbol);
  const asRoman = style ? style.endsWith('roman') : roman !== undefined && (symbol.length > 1 || symbol === 'i' || symbol === 'I');
  if (asRoman) return roman === undefined ? undefined : { style: symbol === symbol.toLowerCase() ? 'lower-roman' : 'upper-roman', value: roman, delimiter };
  if (symbol.length !== 1) return undefined;
  const lower = symbol === symbol.toLowerCase();
  return { style: lower ? 'lower-alpha' : 'upper-alpha', value: symbol.toLowerCase().charCodeAt(0) - 96, delimiter };
}

const NUMERALS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(symbol: string): number | undefined {
  const digits = [...symbol.toLowerCase()].map((char) => NUMERALS[char]);
  if (digits.some((digit) => digit === undefined)) return undefined;
  return (digits as number[]).reduce((sum, digit, index, all) => sum + (digit < (all[index + 1] ?? 0) ? -digit : digit), 0);
}
