// A build: load the manuscript, stop on errors, then render each requested output and write it atomically.
import path from 'node:path';
import type { VFile } from 'vfile';
import { renderHtmlEdition } from '../html/index.ts';
import { loadBook, type Book, type ChapterCache } from '../manuscript/index.ts';
import { hasErrors } from '../manuscript/report.ts';
import type { OutputName } from './outputs.ts';
import { writeFileAtomic } from './write-atomic.ts';

export interface BuildOptions {
  /** Absolute path of the manuscript folder. */
  manuscriptDir: string;
  /** Absolute path of the output folder. */
  outDir: string;
  only: readonly OutputName[];
  /** Progress lines ("html  build/x.html  120 ms"). */
  log: (line: string) => void;
  /** Reused across rebuilds by watch. */
  cache?: ChapterCache;
}

export interface BuildResult {
  /** Every manuscript file with its messages. */
  files: VFile[];
  /** False when the manuscript has errors (nothing was written). */
  ok: boolean;
  /** Paths written. */
  written: string[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

/** Build the requested outputs of the manuscript; outputs are only replaced by complete new files. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const written: string[] = [];
  const timed = async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    timings[stage] = Math.round(performance.now() - start);
    return result;
  };
  const { book, files } = await timed('manuscript', () => loadBook(options.manuscriptDir, options.cache));
  options.log(`manuscript  ${files.length - 1} chapters  ${timings.manuscript} ms`);
  if (!book || hasErrors(files)) return { files, ok: false, written, timings };

  const write = async (name: string, data: string | Uint8Array) => {
    const target = path.join(options.outDir, name);
    await writeFileAtomic(target, data);
    written.push(target);
    return target;
  };
  if (options.only.includes('html')) {
    const target = await timed('html', () => writeHtmlEdition(book, write));
    options.log(`html  ${path.relative(process.cwd(), target)}  ${timings.html} ms`);
  }
  return { files, ok: true, written, timings };
}

async function writeHtmlEdition(book: Book, write: (name: string, data: string | Uint8Array) => Promise<string>) {
  const edition = await renderHtmlEdition(book);
  await Promise.all([...edition.files].map(([name, bytes]) => write(name, bytes)));
  return write(`${book.slug}.html`, edition.html);
}
