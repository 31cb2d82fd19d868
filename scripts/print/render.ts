// The print PDF: images downsampled, the document laid out by Paged.js in the sandbox, printed by Chromium, finished with pdf-lib.
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Book } from '../manuscript/book.ts';
import { bounded, browserWaits } from './browser-wait.ts';
import { labelsFor } from '../languages/index.ts';
import { buildPrintDocument, chapterAnchor, CONTENTS_ANCHOR, type PrintDocument } from './document.ts';
import { pixelsForPrint, preparePrintImages } from './images.ts';
import { applyMetadata, pdfMetadata } from './metadata.ts';
import { writeOutline } from './outline.ts';
import { setExactPageSize } from './page-boxes.ts';
import { FIGURE_IMAGE_SHARE, pageGeometry } from './page-style.ts';
import { deferLayout } from './font-requests.ts';
import { paginate, type AnchorPlace } from './paginate.ts';
import { lostTextMessage } from './text-check.ts';
import { findTextMissingFromPdf, missingFromPdfMessage } from './pdf-text-check.ts';
import { readAndMendTextLayer } from '../pdf-text/index.ts';
import { fontCoverage } from '../fonts/index.ts';
import { bookRoutes, defaultCacheDir, IMAGES_ROUTE } from './routes.ts';
import type { ReportBlocked } from './sandbox.ts';
import type { PrintSession } from './session.ts';

export interface PrintTimings {
  imagesMs: number;
  layoutMs: number;
  /** The lost-text check after layout. */
  checkMs: number;
  pdfMs: number;
  finishMs: number;
  pages: number;
}

export interface RenderPrintOptions {
  /** Each request the sandbox blocked (a remote image, a local file outside the manuscript), once per URL. */
  report?: ReportBlocked;
  /** Cache of downsampled images (absolute); default `build/.cache/print-images` under the working directory. */
  cacheDir?: string;
  /** Called with the time each step took. */
  onTimings?: (timings: PrintTimings) => void;
}

/** What `renderPrintPdf` laid out, for a later render that lays out only the chapters that changed (incremental.ts). */
export interface PrintedBook {
  document: PrintDocument;
  bytes: Uint8Array;
  /** The chapter section id on each page. */
  pageSections: (string | null)[];
  /** Where the contents and each chapter start. */
  anchors: Map<string, AnchorPlace>;
}

/** Render `book` to PDF bytes with the session's browser. */
export async function renderPrintPdf(book: Book, session: PrintSession, options: RenderPrintOptions & { onPrinted?: (printed: PrintedBook) => void } = {}): Promise<Uint8Array> {
  return renderPreparedPdf(book, session, await preparePrintDocument(book, options.cacheDir), options);
}

/** Render the print document `preparePrintDocument` made of `book` to PDF bytes. */
export async function renderPreparedPdf(
  book: Book,
  session: PrintSession,
  { document, cacheDir, imagesMs }: PreparedPrintDocument,
  options: RenderPrintOptions & { onPrinted?: (printed: PrintedBook) => void } = {},
): Promise<Uint8Array> {
  const timer = lapTimer();
  const bookmarks = bookmarksOf(book);
  const printed = await printDocument(book, session, document.html, bookmarks.map((bookmark) => bookmark.anchor), { ...options, cacheDir });
  timer.lap();
  const bytes = await finishPdf(printed.pdf, book, printed.anchors, document.html);
  options.onTimings?.({ imagesMs, layoutMs: printed.layoutMs, checkMs: printed.checkMs, pdfMs: printed.pdfMs, finishMs: timer.lap(), pages: printed.pages });
  options.onPrinted?.({ document, bytes, pageSections: printed.pageSections, anchors: printed.anchors });
  return bytes;
}

function lapTimer() {
  let mark = performance.now();
  return {
    lap() {
      const now = performance.now();
      const elapsed = Math.round(now - mark);
      mark = now;
      return elapsed;
    },
  };
}

export interface PreparedPrintDocument {
  document: PrintDocument;
  /** Where its downsampled images are, for the sandbox to serve. */
  cacheDir: string;
  imagesMs: number;
}

/** The print document with its images downsampled for the page (cached by content). */
export async function preparePrintDocument(book: Book, cacheDir = defaultCacheDir()): Promise<PreparedPrintDocument> {
  const started = performance.now();
  const page = pageGeometry(book.config.print);
  const figureBox = pixelsForPrint(page.contentWidth, page.contentHeight * FIGURE_IMAGE_SHARE);
  const images = await preparePrintImages(book.images.values(), figureBox, cacheDir, book.config.print.tone);
  const document = await buildPrintDocument(book, (src) => (images.has(src) ? `${IMAGES_ROUTE}${images.get(src)}` : undefined));
  return { document, cacheDir, imagesMs: Math.round(performance.now() - started) };
}

/** The contents and each chapter, as the outline lists them. */
export function bookmarksOf(book: Book): { title: string; anchor: string }[] {
  return [
    { title: labelsFor(book.config.lang, book.config.labels).contents, anchor: CONTENTS_ANCHOR },
    ...book.chapters.map((chapter) => ({ title: chapter.title, anchor: chapterAnchor(chapter) })),
  ];
}

export interface PrintedDocument {
  /** Chromium's PDF, its text checked against the layout, soft hyphens and shaped clusters made readable, pages sized exactly. */
  pdf: PDFDocument;
  pages: number;
  layoutMs: number;
  checkMs: number;
  pdfMs: number;
  anchors: Map<string, AnchorPlace>;
  pageSections: (string | null)[];
}

/** Lay out `html` (a print document of `book`) in the page kept for `purpose`, print it, and check its text. */
export async function printDocument(book: Book, session: PrintSession, html: string, anchorIds: readonly string[], options: RenderPrintOptions, purpose = 'print'): Promise<PrintedDocument> {
  const started = performance.now();
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const deferred = deferLayout(html);
  const { chromiumPdf, pages, layoutMs, checkMs, anchors, pageTexts, pageSections } = await session.withPage(purpose, async (sandboxed) => {
    const load = (markup: string, isDeferred: boolean) => {
      const { routes, url } = bookRoutes(book, cacheDir, '.zine-print.html', markup);
      sandboxed.setRoutes(routes, options.report ?? (() => undefined));
      return paginate(sandboxed.page, url, anchorIds, isDeferred);
    };
    let laidOut = await load(deferred ?? html, deferred !== undefined);
    // A face the deferred body did not ask for loaded mid-layout: lay out again after Chromium's own first layout.
    if (laidOut.lateFonts.length > 0) laidOut = await load(html, false);
    // Never print a book with text missing: a truncated PDF looks finished.
    if (laidOut.lostText) throw new Error(lostTextMessage(laidOut.lostText, book));
    // Chromium's own outline (outline: true) takes its titles from laid-out text, soft hyphens and all: outline.ts writes ours.
    const chromiumPdf = await bounded(
      sandboxed.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: 0 }),
      browserWaits.print(laidOut.pages),
    );
    return { chromiumPdf, ...laidOut };
  });
  const pdfMs = Math.round(performance.now() - started) - layoutMs - checkMs;
  const pdf = await PDFDocument.load(chromiumPdf, { updateMetadata: false });
  // Never a PDF without its text: the DOM can be whole while Chromium drew it with no font.
  // Soft hyphens and shaped clusters made readable in the same pass.
  const missing = findTextMissingFromPdf(pageTexts, readAndMendTextLayer(pdf), await fontCoverage());
  if (missing) throw new Error(missingFromPdfMessage(missing));
  const page = pageGeometry(book.config.print);
  setExactPageSize(pdf, page.width, page.height);
  return { pdf, pages, layoutMs, checkMs, pdfMs, anchors, pageSections };
}

/** The outline (from where the bookmarks' anchors landed) and the metadata, then the bytes. */
export async function finishPdf(pdf: PDFDocument, book: Book, anchors: ReadonlyMap<string, AnchorPlace>, html: string): Promise<Uint8Array> {
  writeOutline(
    pdf,
    bookmarksOf(book).flatMap(({ title, anchor }) => (anchors.has(anchor) ? [{ title, place: anchors.get(anchor)! }] : [])),
  );
  applyMetadata(pdf, pdfMetadata(book.config, createHash('sha256').update(html).digest('hex')));
  return pdf.save({ useObjectStreams: true });
}
