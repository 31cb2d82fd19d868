// A builder: the manuscript cache and the warm browser kept between builds (one for `build`, many for `watch`).
import path from 'node:path';
import type { VFile } from 'vfile';
import { loadBook, type Book, type ChapterCache, type LoadedBook } from '../manuscript/index.ts';
import { hasErrors, reportError, reportWarning } from '../manuscript/report.ts';
import type { PrintSession } from '../print/index.ts';
import { PRINT_FAMILY, type OutputName } from './outputs.ts';
import { placeOfText } from './place-of-text.ts';
import type { IncrementalPrint } from '../print/incremental.ts';
import { preloadStages, renderOutputs, type OutputContext } from './render-outputs.ts';
import { defaultCacheDir } from '../print/routes.ts';
import { removeStaleTempFiles } from './stale-temp-files.ts';

export interface BuilderOptions {
  /** Absolute path of the manuscript folder. */
  manuscriptDir: string;
  /** Absolute path of the output folder. */
  outDir: string;
  /** Browser executable (`--browser`); else ZINE_BROWSER, a system Chromium, or the embedded one. */
  browserPath?: string;
  /** Progress lines ("pdf  build/x.pdf  900 ms"). */
  log: (line: string) => void;
  /** Lay out again only the chapters changed since this builder's last PDF (the watch: print/incremental.ts). */
  incremental?: boolean;
}

export interface BuildResult {
  /** Every manuscript file with its messages (output failures are errors on zine.yaml). */
  files: VFile[];
  /** False when the manuscript has errors (nothing was written) or an output failed. */
  ok: boolean;
  /** Paths written. */
  written: string[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export interface Builder {
  build(only: readonly OutputName[]): Promise<BuildResult>;
  /** Close the browser, if one was started; the builder starts no other after this. */
  close(): Promise<void>;
}

/** A builder for one manuscript; `close()` it when done. */
export function createBuilder(options: BuilderOptions): Builder {
  const cache: ChapterCache = new Map();
  let session: Promise<PrintSession> | undefined;
  let cleaned: Promise<unknown> | undefined;
  let closed = false;
  // One renderer for the builder's life: it keeps the last PDF to splice the next one into.
  const incrementalPrint = options.incremental ? lazyIncrementalPrint() : undefined;
  const launch = () => {
    // A step still running when Ctrl-C closed the builder must not start a browser nobody will close.
    if (closed) return Promise.reject(new Error('the build was stopped'));
    // The print stage (Puppeteer) is imported only when an output needs the browser.
    session ??= import('../print/index.ts').then(({ openPrintSession }) => openPrintSession({ browserPath: options.browserPath }));
    session.catch(() => (session = undefined));
    return session;
  };
  // Builds started together (the watch's HTML and PDF phases) share one load of the manuscript: each would otherwise
  // compile the changed chapter and assemble the book again.
  let loading: Promise<LoadedBook> | undefined;
  const load = () => (loading ??= loadBook(options.manuscriptDir, cache).finally(() => (loading = undefined)));
  // The browser line is said when an output first uses the browser (a manuscript with errors renders nothing).
  let announced: PrintSession | undefined;
  const printSession = () =>
    launch().then((opened) => {
      if (announced !== opened) options.log(`browser  ${opened.label}  ${opened.launchMs} ms`);
      announced = opened;
      return opened;
    });

  return {
    async build(only) {
      const timings: Record<string, number> = {};
      // The browser starts while the manuscript loads: a print output will wait for it anyway (its failure is reported there).
      if (only.some((output) => PRINT_FAMILY.includes(output))) launch().catch(() => undefined);
      preloadStages(only);
      const started = performance.now();
      const { book, files } = await load();
      timings.manuscript = Math.round(performance.now() - started);
      options.log(`manuscript  ${files.length - 1} chapters  ${timings.manuscript} ms`);
      if (!book || hasErrors(files)) return { files, ok: false, written: [], timings };
      // Once per builder: what a killed earlier build left behind (a watch session keeps its builder).
      cleaned ??= Promise.all([removeStaleTempFiles(options.outDir), removeStaleTempFiles(defaultCacheDir())]);
      await cleaned;
      const context: OutputContext = { book, outDir: options.outDir, printSession, browserPath: options.browserPath, log: options.log, timings, written: [], warn: warnOn(files, book), incrementalPrint };
      const failures = await renderOutputs(context, only);
      for (const failure of failures) reportError(files[0]!, `Could not build the ${failure.output}: ${failure.message}`, undefined, 'output-failed');
      return { files, ok: failures.length === 0, written: context.written, timings };
    },
    async close() {
      closed = true;
      const opened = session;
      session = undefined;
      await opened?.then((running) => running.close(), () => undefined);
    },
  };
}

/**
 * A warning from an output (a blocked request, a left-out image), placed where the manuscript first mentions it;
 * each is said once, since a repeat would land on the same place.
 */
function warnOn(files: VFile[], book: Book) {
  const chapters = files.filter((file) => file.path !== path.join(book.root, 'zine.yaml'));
  const said = new Set<string>();
  return (reason: string, needle: string | undefined, rule: string) => {
    const key = `${rule}\0${reason}\0${needle ?? ''}`;
    if (said.has(key)) return;
    said.add(key);
    const { file, place } = needle ? placeOfText(chapters, needle) : { file: files[0], place: undefined };
    reportWarning(file ?? files[0]!, reason, place, rule);
  };
}

/** The incremental renderer, its module imported on the first PDF (the print stage loads Puppeteer). */
function lazyIncrementalPrint(): IncrementalPrint {
  let renderer: Promise<IncrementalPrint> | undefined;
  return async (...args) => {
    renderer ??= import('../print/incremental.ts').then(({ createIncrementalPrint }) => createIncrementalPrint());
    return (await renderer)(...args);
  };
}
