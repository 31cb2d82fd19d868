// Render the requested outputs of a loaded book and write each atomically; one failing output does not stop the rest.
// Each output imports its stage when it runs: `--only html` loads no browser, PDF or EPUB code.
import path from 'node:path';
import type { Book } from '../manuscript/index.ts';
import type { IncrementalPrint } from '../print/incremental.ts';
import type { PrintSession } from '../print/index.ts';
import { OUTPUT_NAMES, PRINT_FAMILY, type OutputName } from './outputs.ts';
import { writeFileAtomic, writeFileIfChanged } from './write-atomic.ts';

export interface OutputContext {
  book: Book;
  outDir: string;
  printSession: () => Promise<PrintSession>;
  /** The browser `--browser` names, if any (the cover cache's key). */
  browserPath?: string;
  log: (line: string) => void;
  timings: Record<string, number>;
  written: string[];
  /** A manuscript warning found while rendering; `needle` is text to find in the manuscript for its place. */
  warn: (reason: string, needle: string | undefined, rule: string) => void;
  /** The watch's renderer, which lays out only the chapters that changed; else each PDF is laid out whole. */
  incrementalPrint?: IncrementalPrint;
}

/** Render `only` in a sensible order (the booklet and mini zine reuse the PDF); returns the outputs that failed. */
export async function renderOutputs(context: OutputContext, only: readonly OutputName[]): Promise<{ output: OutputName; message: string }[]> {
  const failures: { output: OutputName; message: string }[] = [];
  const { book } = context;
  let pdf: Promise<Uint8Array> | undefined;
  const printOutputs = () => import('./print-outputs.ts');
  const printPdf = () => (pdf ??= printOutputs().then(({ renderPdf }) => renderPdf(context)));
  const steps: Record<OutputName, () => Promise<string | undefined>> = {
    html: () => writeHtml(context),
    pdf: async () => write(context, `${book.slug}.pdf`, await (await printOutputs()).readingPdf(book, await printPdf())),
    booklet: async () => write(context, `${book.slug}-booklet.pdf`, await (await printOutputs()).bookletPdf(context, await printPdf())),
    minizine: async () => {
      const minizine = await (await printOutputs()).minizinePdf(context, printPdf, only !== OUTPUT_NAMES);
      return minizine && write(context, `${book.slug}-minizine.pdf`, minizine);
    },
    press: async () => {
      const press = await (await printOutputs()).pressPdfOf(book, printPdf);
      return press && write(context, `${book.slug}-press.pdf`, press);
    },
    epub: () => writeEpub(context),
  };
  const run = async (output: OutputName) => {
    const started = performance.now();
    try {
      const target = await steps[output]();
      context.timings[output] = Math.round(performance.now() - started);
      if (target) context.log(`${output}  ${path.relative(process.cwd(), target)}  ${context.timings[output]} ms`);
    } catch (error) {
      failures.push({ output, message: (error as Error).message });
      context.log(`${output}  failed: ${(error as Error).message}`);
    }
  };
  // The print family shares one PDF and runs in order; the other outputs run beside it (Node encodes images while Chromium lays out pages).
  const groups = [PRINT_FAMILY, ...OUTPUT_NAMES.filter((output) => !PRINT_FAMILY.includes(output)).map((output) => [output])];
  await Promise.all(groups.map(async (group) => {
    for (const output of group) if (only.includes(output)) await run(output);
  }));
  failures.sort((a, b) => OUTPUT_NAMES.indexOf(a.output) - OUTPUT_NAMES.indexOf(b.output));
  return failures;
}

/** Start importing the stages `only` needs while the manuscript loads (its reads and image checks leave the thread idle). */
export function preloadStages(only: readonly OutputName[]): void {
  const stages = [only.includes('html') && import('../html/index.ts'), only.includes('epub') && import('../epub/index.ts')];
  for (const stage of stages) if (stage) stage.catch(() => undefined);
}

async function write(context: OutputContext, name: string, data: string | Uint8Array, unlessSame = false): Promise<string> {
  const target = path.join(context.outDir, name);
  await (unlessSame && typeof data !== 'string' ? writeFileIfChanged(target, data) : writeFileAtomic(target, data));
  context.written.push(target);
  return target;
}

async function writeHtml(context: OutputContext): Promise<string> {
  const { renderHtmlEdition } = await import('../html/index.ts');
  const edition = await renderHtmlEdition(context.book);
  // A rebuild leaves unchanged images alone: no write, no fsync, for each one.
  await Promise.all([...edition.files].map(([name, bytes]) => write(context, name, bytes, true)));
  return write(context, `${context.book.slug}.html`, edition.html);
}

async function writeEpub(context: OutputContext): Promise<string> {
  const { book } = context;
  const [{ renderEpub }, { coverJpeg }, { cachedCoverImage }, { buildDate }] = await Promise.all([
    import('../epub/index.ts'),
    import('../images/cover-jpeg.ts'),
    import('../print/cover-cache.ts'),
    import('../config/build-date.ts'),
  ]);
  // The generated cover needs a browser only the first time a book looks this way (cover-cache.ts).
  const generated = () => cachedCoverImage(book, context.printSession, { browserPath: context.browserPath });
  const cover = book.cover ? await coverJpeg(book.cover.path) : { bytes: await generated(), mediaType: 'image/jpeg' as const };
  const epub = await renderEpub(book, { cover, modified: buildDate(), report: (reason, src) => context.warn(reason, src, 'epub') });
  return write(context, `${book.slug}.epub`, epub);
}
