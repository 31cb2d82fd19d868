// Benchmark child process: a watch session on a manuscript, then one-word edits timed from the save to each output.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBook, type ChapterCache } from '../manuscript/index.ts';
import { openPrintSession, renderPrintPdf, type PrintTimings } from '../print/index.ts';
import { startWatch, type WatchEvent } from '../watch/index.ts';

const [manuscriptDir, outDir, chapter, rounds = '5'] = process.argv.slice(2);
if (!manuscriptDir || !outDir || !chapter) throw new Error('usage: warm-edit.ts <manuscript-dir> <out-dir> <chapter> [rounds]');

const waiters = new Set<{ test: (event: WatchEvent) => boolean; resolve: () => void }>();
const nextEvent = (test: (event: WatchEvent) => boolean) => new Promise<void>((resolve) => waiters.add({ test, resolve }));
const reloaded = (output: string) => (event: WatchEvent) => event.type === 'reload' && event.outputs.includes(output as never);
const finished = (event: WatchEvent) => event.type === 'status' && (event.status.state === 'ok' || event.status.state === 'failed');

const firstBuild = nextEvent(finished);
const session = await startWatch({
  manuscriptDir,
  outDir,
  outputs: ['html', 'pdf', 'epub'],
  log: () => undefined,
  onEvent: (event) => {
    for (const waiter of waiters) if (waiter.test(event)) (waiters.delete(waiter), waiter.resolve());
  },
});
await firstBuild;

const file = path.join(manuscriptDir, chapter);
const original = readFileSync(file, 'utf8');
const middle = original.indexOf(' the ', original.length / 2);
const edited = `${original.slice(0, middle)} this ${original.slice(middle + 5)}`;
const samples: { html: number; pdf: number; epub: number; done: number }[] = [];
for (let round = 0; round < Number(rounds); round++) {
  const html = nextEvent(reloaded('html'));
  const pdf = nextEvent(reloaded('pdf'));
  const epub = nextEvent(reloaded('epub'));
  const done = nextEvent(finished);
  const saved = performance.now();
  writeFileSync(file, round % 2 === 0 ? edited : original);
  const since = (promise: Promise<void>) => promise.then(() => performance.now() - saved);
  const [htmlMs, pdfMs, epubMs, doneMs] = await Promise.all([since(html), since(pdf), since(epub), since(done)]);
  samples.push({ html: htmlMs, pdf: pdfMs, epub: epubMs - pdfMs, done: doneMs });
  await new Promise((resolve) => setTimeout(resolve, 300));
}
await session.close();

// Where the PDF time goes: the print stage's own timings, on a warm page, for the same book.
const cache: ChapterCache = new Map();
const { book } = await loadBook(manuscriptDir, cache);
const printSession = await openPrintSession();
let print: PrintTimings | undefined;
for (let round = 0; round < 2; round++) await renderPrintPdf(book!, printSession, { cacheDir: path.join(outDir, '.cache', 'print-images'), onTimings: (timings) => (print = timings) });
await printSession.close();

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
console.log(
  JSON.stringify({
    rounds: samples.length,
    saveToHtmlMs: median(samples.map((sample) => sample.html)),
    saveToPdfMs: median(samples.map((sample) => sample.pdf)),
    epubMs: median(samples.map((sample) => sample.epub)),
    saveToDoneMs: median(samples.map((sample) => sample.done)),
    print,
  }),
);
