// The watch's PDF after an edit: only the chapters that changed are laid out again, each alone in its own page (two at
// a time: the machine's cores), and their pages replace the old ones in the last PDF. A chapter starts a page, so if
// its page count holds, no other page moves. Anything else (the front matter, the templates, zine.yaml, a page count
// that changed) renders the whole book as `zine build` does.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { Book } from '../manuscript/book.ts';
import { findTemplate } from '../template/index.ts';
import { chapterAnchor, PRINT_STYLESHEETS } from './document.ts';
import type { AnchorPlace } from './paginate.ts';
import { finishPdf, preparePrintDocument, printDocument, renderPreparedPdf, type PrintedBook, type RenderPrintOptions } from './render.ts';
import type { PrintSession } from './session.ts';
import { removePages, splicePages, UnexpectedPdfShape } from './splice-pages.ts';

/** Chapters laid out at once: one page each, each its own renderer process. */
const LANES = 2;

export interface IncrementalPrintReport {
  /** `full` when the whole book was laid out, else which chapters (0-based) were laid out again. */
  laidOut: 'full' | number[];
  /** Why the whole book was laid out, when it was. */
  reason?: string;
}

interface LastPrint extends PrintedBook {
  frame: string;
  chapterKeys: string[];
  /** The spliced document `bytes` were saved from, kept for the next splice (loading 225 pages again took 150 ms). */
  pdf?: PDFDocument;
}

export type IncrementalPrint = (book: Book, session: PrintSession, options?: RenderPrintOptions & { onReport?: (report: IncrementalPrintReport) => void }) => Promise<Uint8Array>;

/** A PDF renderer that remembers its last book; `onReport` says what each render laid out. */
export function createIncrementalPrint(): IncrementalPrint {
  let last: LastPrint | undefined;
  return async function renderIncrementally(book, session, options = {}) {
    const prepared = await preparePrintDocument(book, options.cacheDir);
    const { document, cacheDir } = prepared;
    const frame = await frameKey(book, document.front);
    const chapterKeys = document.chapters.map(hash);
    const full = async (reason: string) => {
      let printed: PrintedBook | undefined;
      // The document just prepared, not prepared again.
      const bytes = await renderPreparedPdf(book, session, prepared, { ...options, onPrinted: (result) => (printed = result) });
      last = { ...printed!, frame, chapterKeys };
      options.onReport?.({ laidOut: 'full', reason });
      return bytes;
    };
    if (!last) return full('the first build');
    if (last.frame !== frame || last.chapterKeys.length !== chapterKeys.length) return full('the front matter, templates or settings changed');
    const changed = chapterKeys.flatMap((key, index) => (key === last!.chapterKeys[index] ? [] : [index]));
    if (changed.length === 0) {
      options.onReport?.({ laidOut: [] });
      return last.bytes;
    }
    const previous = last;
    // Taken, not shared: a render that fails part-way leaves no half-spliced document to the next one.
    const base = previous.pdf ?? (await PDFDocument.load(previous.bytes, { updateMetadata: false }));
    previous.pdf = undefined;
    const ranges = changed.map((index) => pagesOf(previous.pageSections, chapterAnchor(book.chapters[index]!)));
    if (ranges.some((range) => range === undefined)) return full('a chapter was not found in the last PDF');
    // Every destination on the pages replaced must be found again in the chapter's new layout.
    const wanted = ranges.map((range, order) => [chapterAnchor(book.chapters[changed[order]!]!), ...destinationsOn(base, range!)]);
    const parts = await inLanes(changed.map((index, order) => async (lane: number) => {
      const { html, padPages } = document.chapterDocument(index, ranges[order]!.start + 1);
      const printed = await printDocument(book, session, html, wanted[order]!, { ...options, cacheDir }, `print-part-${lane}`);
      // The pages before the chapter's are dropped, however many the layout made of the pads.
      const shift = printed.pageSections.findIndex((section) => section !== null);
      if (shift !== padPages) return undefined;
      removePages(printed.pdf, 0, shift);
      const places = new Map([...printed.anchors].map(([id, place]): [string, AnchorPlace] => [id, { ...place, page: place.page - shift }]));
      return { printed, places, pages: printed.pages - shift };
    }));
    const unpadded = parts.findIndex((part) => part === undefined);
    if (unpadded !== -1) return full(`chapter ${changed[unpadded]! + 1} did not open on its own side when laid out alone`);
    const moved = parts.findIndex((part, order) => part!.pages !== ranges[order]!.count);
    if (moved !== -1) return full(`the page count of chapter ${changed[moved]! + 1} changed (${ranges[moved]!.count} → ${parts[moved]!.pages})`);
    const anchors = new Map(previous.anchors);
    try {
      parts.forEach((part, order) => {
        if (!part) return;
        const { start } = ranges[order]!;
        splicePages(base, start, part.printed.pdf, part.places);
        const anchor = chapterAnchor(book.chapters[changed[order]!]!);
        const place = part.places.get(anchor);
        if (place) anchors.set(anchor, { ...place, page: place.page + start });
      });
    } catch (error) {
      if (error instanceof UnexpectedPdfShape) return full(`the PDF could not be spliced: ${error.message}`);
      throw error;
    }
    const bytes = await finishPdf(base, book, anchors, document.html);
    last = { document, bytes, pageSections: previous.pageSections, anchors, frame, chapterKeys, pdf: base };
    options.onReport?.({ laidOut: changed });
    return bytes;
  };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What every page depends on: zine.yaml, the front matter, the page template and the print stylesheets. */
async function frameKey(book: Book, front: string): Promise<string> {
  const files = await Promise.all(['print/page.html', ...PRINT_STYLESHEETS].map((name) => readFile(findTemplate(name, book), 'utf8')));
  return hash(JSON.stringify([book.config, book.chapters.map((chapter) => chapter.title), front, files]));
}

/** The run of pages showing section `id`: its first page (0-based) and how many. */
function pagesOf(pageSections: readonly (string | null)[], id: string): { start: number; count: number } | undefined {
  const start = pageSections.indexOf(id);
  if (start === -1) return undefined;
  let count = 0;
  while (pageSections[start + count] === id) count++;
  return { start, count };
}

/** Names of the destinations on pages `start` … `start + count - 1`. */
function destinationsOn(pdf: PDFDocument, range: { start: number; count: number }): string[] {
  const refs = new Set(pdf.getPages().slice(range.start, range.start + range.count).map((page) => page.ref));
  const dests = pdf.catalog.lookup(PDFName.of('Dests'));
  if (!(dests instanceof PDFDict)) return [];
  return dests.entries().flatMap(([name, value]) => {
    const dest = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    return dest instanceof PDFArray && refs.has(dest.get(0) as PDFRef) ? [name.decodeText()] : [];
  });
}

/** Run `tasks` at most LANES at a time, each told its lane; resolves with their results in order. */
async function inLanes<T>(tasks: ((lane: number) => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(LANES, tasks.length) }, async (_, lane) => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!(lane);
      }
    }),
  );
  return results;
}
