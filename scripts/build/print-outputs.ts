// The print family of outputs: the reading PDF (optionally with crop marks), the booklet and the mini zine.
import { PDFDocument } from 'pdf-lib';
import { lengthToPoints } from '../config/length.ts';
import { addPrintMarks, imposeLayout, imposeMinizine } from '../impose/index.ts';
import { signatureHint } from '../impose/signature-hint.ts';
import { bindingOf } from '../languages/index.ts';
import type { Book } from '../manuscript/index.ts';
import { pressPdf } from '../press/index.ts';
import { renderPrintPdf } from '../print/index.ts';
import { buildDate } from '../print/metadata.ts';
import { defaultCacheDir } from '../print/routes.ts';
import { SANDBOX_ORIGIN } from '../print/sandbox.ts';
import { bookletOptions } from './booklet-options.ts';
import type { OutputContext } from './render-outputs.ts';

const MINIZINE_PAGES = 8;

/** Render `book` (the whole book, or a part of it for the mini zine) to PDF with the warm browser. */
export async function renderPdf(context: OutputContext, book: Book = context.book): Promise<Uint8Array> {
  const session = await context.printSession();
  const options = {
    cacheDir: defaultCacheDir(),
    // Manuscript files are served from the sandbox origin: look for the path as written.
    report: (url: string, reason: string) => context.warn(`The print renderer blocked \`${url}\`: ${reason}`, url.replace(`${SANDBOX_ORIGIN}/manuscript/`, ''), 'blocked-request'),
  };
  if (!context.incrementalPrint || book !== context.book) return renderPrintPdf(book, session, options);
  return context.incrementalPrint(book, session, {
    ...options,
    onReport: ({ laidOut, reason }) =>
      context.log(laidOut === 'full' ? `pdf  whole book laid out (${reason})` : `pdf  laid out again: ${laidOut.length === 0 ? 'nothing changed' : `chapter ${laidOut.map((index) => index + 1).join(', ')}`}`),
  });
}

/** The reading PDF as written: with bleed and crop marks when `print.cropMarks` is on. */
export async function readingPdf(book: Book, pdf: Uint8Array): Promise<Uint8Array> {
  const { cropMarks, bleed } = book.config.print;
  return cropMarks ? addPrintMarks(pdf, { bleed: lengthToPoints(bleed), marks: true, date: buildDate() }) : pdf;
}

/** The booklet of the (unmarked) PDF in the layout zine.yaml's `booklet` names (saddle stitch by default), with advice on its signatures. */
export async function bookletPdf(context: OutputContext, pdf: Uint8Array): Promise<Uint8Array> {
  const options = bookletOptions(context.book.config);
  // Parsed once for the advice and the imposition (a 225-page book takes ~170 ms to parse).
  const source = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = source.getPageCount();
  pageCounts.set(pdf, pages);
  if (options.layout === 'booklet') {
    const hint = signatureHint(pages, options.signatureSheets);
    if (hint) context.warn(hint.message, undefined, hint.ruleId);
  }
  return imposeLayout(source, options);
}

/** Page counts of the PDFs the booklet parsed, for the mini zine's fit; the parsed documents themselves are let go. */
const pageCounts = new WeakMap<Uint8Array, number>();

/**
 * The one-sheet mini zine: of the chapters `minizine.chapters` names, else of the whole PDF when it has at most
 * eight pages. Undefined (with a warning when it was asked for) when the zine does not fit.
 */
export async function minizinePdf(context: OutputContext, wholePdf: () => Promise<Uint8Array>, requested: boolean): Promise<Uint8Array | undefined> {
  const { book } = context;
  const { chapters: range, sheet, guides } = book.config.minizine;
  const pdf = range ? await renderPdf(context, { ...book, chapters: chaptersIn(book, range) }) : await wholePdf();
  const pages = pageCounts.get(pdf) ?? (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  if (pages <= MINIZINE_PAGES) return imposeMinizine(pdf, { sheet, guides, binding: bindingOf(book.config.lang, book.config.booklet.binding), date: buildDate() });
  if (range || requested)
    context.warn(`The mini zine needs at most ${MINIZINE_PAGES} pages, ${range ? `chapters ${range} make` : 'the zine has'} ${pages}: set \`minizine.chapters\` to fewer chapters`, undefined, 'minizine-too-long');
  return undefined;
}

function chaptersIn(book: Book, range: string) {
  const [first, last = first] = range.split('-').map(Number) as [number, number?];
  return book.chapters.slice(first - 1, last);
}

/** The PDF/X for the press when `print.pdfx` asks for one (of the reading PDF, bleed and marks included). */
export async function pressPdfOf(book: Book, printPdf: () => Promise<Uint8Array>): Promise<Uint8Array | undefined> {
  const level = book.config.print.pdfx;
  if (!level) return undefined;
  return pressPdf(await readingPdf(book, await printPdf()), { level, title: book.config.title, date: buildDate() });
}
