// Build a manuscript with the CLI and read every output back for invariants that hold for any book: links, titles, text, width.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import type { Browser } from 'puppeteer';
import { elements, openEpub, textOf, type OpenedEpub } from './epub-reader.ts';
import { runZine } from './fixture.ts';
import { openPdf } from '../pdf-text.ts';

export interface PdfLine {
  text: string;
  x: number;
  y: number;
  /** Right edge of the item, in points. */
  right: number;
}

export interface PdfPage {
  height: number;
  width: number;
  /** Text items as pdf.js gives them (a word broken at a soft hyphen is two). */
  items: PdfLine[];
  /** Items on one baseline joined, left to right: the printed lines. */
  lines: PdfLine[];
  /** Named destinations the page's links point to. */
  links: string[];
}

export interface BuiltBook {
  status: number | null;
  stderr: string;
  /** The warning and error lines, without the renderer's own noise (Chromium's favicon request). */
  problems: string[];
  pdf: { pages: PdfPage[]; dests: Map<string, number> };
  /** What poppler says while reading the whole PDF (pdftotext's standard error): empty for a well-formed file. */
  popplerComplaints: string;
  epub: OpenedEpub;
  epubBytes: Uint8Array;
  htmlPath: string;
  html: HastRoot;
}

/** Messages in the unified convention: `file:line:column  severity  message  rule`. */
export function problemLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /^\S+:\d+:\d+\s+(warning|error)\s/.test(line) && !/favicon\.ico/.test(line)).map((line) => line.replace(/\s{2,}/g, '  ').trim());
}

/** `zine build --only pdf,epub,html` of `dir` (run from its parent folder), its outputs read back. */
export async function buildBook(dir: string): Promise<BuiltBook> {
  const out = mkdtempSync(path.join(tmpdir(), 'zine-book-'));
  const result = runZine(['build', dir, '--out', out, '--only', 'pdf,epub,html'], path.dirname(dir));
  const find = (extension: string) => path.join(out, readdirSync(out).find((name) => name.endsWith(extension))!);
  const epubBytes = new Uint8Array(readFileSync(find('.epub')));
  const htmlPath = find('.html');
  return {
    status: result.status,
    stderr: result.stderr,
    problems: problemLines(result.stderr),
    pdf: await readPdfPages(new Uint8Array(readFileSync(find('.pdf')))),
    popplerComplaints: spawnSync('pdftotext', [find('.pdf'), '/dev/null'], { encoding: 'utf8' }).stderr,
    epub: openEpub(epubBytes),
    epubBytes,
    htmlPath,
    html: fromHtml(readFileSync(htmlPath, 'utf8')),
  };
}

/** Text items (with soft hyphens removed), link targets and named destinations, per page. */
async function readPdfPages(bytes: Uint8Array): Promise<BuiltBook['pdf']> {
  const doc = await openPdf(bytes);
  const pages: PdfPage[] = [];
  const dests = new Map<string, number>();
  for (const [name, dest] of Object.entries(await doc.getDestinations())) dests.set(name, await doc.getPageIndex((dest as [{ num: number; gen: number }])[0]));
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => {
      if (!('str' in item) || item.str === '') return [];
      const [x, y] = [item.transform[4] as number, item.transform[5] as number];
      return [{ text: item.str.replace(/\u00ad/g, ''), x, y, right: x + item.width }];
    });
    const links = (await page.getAnnotations()).flatMap((annotation) => (annotation.subtype === 'Link' && typeof annotation.dest === 'string' ? [annotation.dest as string] : []));
    pages.push({ width, height, items, lines: joinLines(items), links });
  }
  await doc.destroy();
  return { pages, dests };
}

function joinLines(items: readonly PdfLine[]): PdfLine[] {
  const byBaseline = new Map<number, PdfLine[]>();
  for (const item of items) {
    const key = [...byBaseline.keys()].find((y) => Math.abs(y - item.y) < 1) ?? item.y;
    byBaseline.set(key, [...(byBaseline.get(key) ?? []), item]);
  }
  // A line's right edge is its last visible item's: pdf.js gives a flex gap's space the whole gap as width.
  return [...byBaseline.values()].filter((line) => line.some((item) => item.text.trim() !== '')).map((line) => {
    const sorted = [...line].sort((a, b) => a.x - b.x);
    return { text: sorted.map((item) => item.text).join(''), x: sorted[0]!.x, y: sorted[0]!.y, right: Math.max(...sorted.filter((item) => item.text.trim() !== '').map((item) => item.right)) };
  });
}

/** `text` folded so the PDF's text layer and the manuscript compare: ligatures, soft hyphens, case; only letters and digits. */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(/[\u00ad\u200b]/g, '').toLowerCase();
}

/** Words of `text` (runs of letters and digits, two or more), folded. */
export function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word.length > 1);
}

/** In-book links of the PDF whose destination does not exist. */
export function deadPdfLinks(book: BuiltBook): string[] {
  return book.pdf.pages.flatMap((page) => page.links.filter((dest) => !book.pdf.dests.has(dest)));
}

/** Relative links of the EPUB's XHTML files (`file#id`, `#id`) that name no file or no id in it. */
export function deadEpubLinks(epub: OpenedEpub): string[] {
  const files = Object.keys(epub.entries).filter((name) => name.endsWith('.xhtml'));
  const ids = new Map(files.map((name) => [name, new Set(collectXmlIds(epub, name))]));
  return files.flatMap((name) =>
    elements(epub.xml(name), 'a').flatMap((link) => {
      const href = link.attributes.href;
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href)) return [];
      const [file, fragment] = href.split('#') as [string, string | undefined];
      const target = file === '' ? name : path.posix.join(path.posix.dirname(name), file);
      const resolves = ids.has(target) && (fragment === undefined || ids.get(target)!.has(decodeURIComponent(fragment)));
      return resolves ? [] : [`${name}: ${href}`];
    }),
  );
}

function collectXmlIds(epub: OpenedEpub, name: string): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; attributes?: Record<string, string | null | undefined>; children?: unknown[] }) => {
    if (node.attributes?.id) found.push(node.attributes.id);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(epub.xml(name) as never);
  return found;
}

/** `#` links of the HTML edition with no element of that id, and links left pointing at Markdown files. */
export function deadHtmlLinks(html: HastRoot): string[] {
  const ids = new Set(selectAll('[id]', html).map((node) => String(node.properties.id)));
  return selectAll('a[href]', html).flatMap((link) => {
    const href = String(link.properties.href);
    if (href.startsWith('#')) return ids.has(decodeURIComponent(href.slice(1))) ? [] : [href];
    return /\.(md|markdown)(#|$)/i.test(href) ? [href] : [];
  });
}

/** The contents entries of every output: PDF contents page, EPUB nav, HTML contents. */
export function contentsTitles(book: BuiltBook) {
  const nav = elements(book.epub.xml('OEBPS/toc.xhtml'), 'nav').find((node) => node.attributes['epub:type'] === 'toc')!;
  return {
    epub: elements(nav, 'a').map((link) => textOf(link).trim()).filter((title) => !/^cover$/i.test(title)),
    html: selectAll('nav.contents li a', book.html).map((link) => hastToString(link).trim()),
  };
}

/** The widest the HTML edition's page gets, in CSS pixels, at each viewport width (scrollWidth of the document). */
export async function htmlScrollWidths(browser: Browser, htmlPath: string, widths: readonly number[]): Promise<Map<number, number>> {
  const page = await browser.newPage();
  const measured = new Map<number, number>();
  try {
    for (const width of widths) {
      await page.setViewport({ width, height: 800 });
      await page.goto(`file://${htmlPath}`, { waitUntil: 'load' });
      measured.set(width, await page.evaluate(() => document.scrollingElement!.scrollWidth));
    }
  } finally {
    await page.close();
  }
  return measured;
}
