// The print PDF: images downsampled, the document laid out by Paged.js in the sandbox, printed by Chromium, finished with pdf-lib.
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Book } from '../manuscript/book.ts';
import { bounded, browserWaits } from './browser-wait.ts';
import { labelsFor } from '../languages/index.ts';
import { buildPrintDocument, chapterAnchor, CONTENTS_ANCHOR } from './document.ts';
import { pixelsForPrint, preparePrintImages } from './images.ts';
import { applyMetadata, pdfMetadata } from './metadata.ts';
import { writeOutline } from './outline.ts';
import { setExactPageSize } from './page-boxes.ts';
import { FIGURE_IMAGE_SHARE, pageGeometry } from './page-style.ts';
import { paginate } from './paginate.ts';
import { lostTextMessage } from './text-check.ts';
import { findTextMissingFromPdf, missingFromPdfMessage } from './pdf-text-check.ts';
import { readPdfTextLayer, rewriteSoftHyphens } from '../pdf-text/index.ts';
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

/** Render `book` to PDF bytes with the session's browser. */
export async function renderPrintPdf(book: Book, session: PrintSession, options: RenderPrintOptions = {}): Promise<Uint8Array> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = Math.round(now - mark);
    mark = now;
    return elapsed;
  };

  const page = pageGeometry(book.config.print);
  const figureBox = pixelsForPrint(page.contentWidth, page.contentHeight * FIGURE_IMAGE_SHARE);
  const images = await preparePrintImages(book.images.values(), figureBox, cacheDir, book.config.print.tone);
  const html = await buildPrintDocument(book, (src) => (images.has(src) ? `${IMAGES_ROUTE}${images.get(src)}` : undefined));
  const imagesMs = lap();

  const { routes, url } = bookRoutes(book, cacheDir, '.zine-print.html', html);
  const bookmarks = [
    { title: labelsFor(book.config.lang, book.config.labels).contents, anchor: CONTENTS_ANCHOR },
    ...book.chapters.map((chapter) => ({ title: chapter.title, anchor: chapterAnchor(chapter) })),
  ];
  // Chromium's own outline (outline: true) takes its titles from laid-out text, soft hyphens and all: outline.ts writes ours.
  const { chromiumPdf, pages, layoutMs, checkMs, anchors, pageTexts } = await session.withPage('print', async (sandboxed) => {
    sandboxed.setRoutes(routes, options.report ?? (() => undefined));
    const laidOut = await paginate(sandboxed.page, url, bookmarks.map((bookmark) => bookmark.anchor));
    // Never print a book with text missing: a truncated PDF looks finished.
    if (laidOut.lostText) throw new Error(lostTextMessage(laidOut.lostText, book));
    const chromiumPdf = await bounded(
      sandboxed.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: 0 }),
      browserWaits.print(laidOut.pages),
    );
    return { chromiumPdf, ...laidOut };
  });
  const pdfMs = lap() - layoutMs - checkMs;

  const pdf = await PDFDocument.load(chromiumPdf, { updateMetadata: false });
  // Never a PDF without its text: the DOM can be whole while Chromium drew it with no font.
  const missing = findTextMissingFromPdf(pageTexts, readPdfTextLayer(pdf), await fontCoverage());
  if (missing) throw new Error(missingFromPdfMessage(missing));
  rewriteSoftHyphens(pdf);
  setExactPageSize(pdf, page.width, page.height);
  writeOutline(
    pdf,
    bookmarks.flatMap(({ title, anchor }) => (anchors.has(anchor) ? [{ title, place: anchors.get(anchor)! }] : [])),
  );
  applyMetadata(pdf, pdfMetadata(book.config, createHash('sha256').update(html).digest('hex')));
  const bytes = await pdf.save({ useObjectStreams: true });
  options.onTimings?.({ imagesMs, layoutMs, checkMs, pdfMs, finishMs: lap(), pages });
  return bytes;
}
