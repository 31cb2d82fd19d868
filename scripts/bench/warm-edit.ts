// Benchmark child process: a watch session on a manuscript, then one-word edits timed from the save to each output.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { OutputName } from '../build/outputs.ts';
import { loadBook, type ChapterCache } from '../manuscript/index.ts';
import { openPrintSession, renderPrintPdf, type PrintTimings } from '../print/index.ts';
import { startWatch, type WatchEvent } from '../watch/index.ts';

const [manuscriptDir, outDir, chapter, rounds = '5'] = process.argv.slice(2);
if (!manuscriptDir || !outDir || !chapter) throw new Error('usage: warm-edit.ts <manuscript-dir> <out-dir> <chapter> [rounds]');
const OUTPUTS: OutputName[] = ['html', 'pdf', 'epub'];

/** The round being timed: when the file was saved, the versions before it, and when each output got newer. */
let round: { saved: number; before: Partial<Record<OutputName, number>>; reached: Partial<Record<OutputName, number>>; resolve: () => void } | undefined;
const onEvent = (event: WatchEvent) => {
  if (!round || event.type !== 'reload') return;
  for (const output of event.outputs) {
    if ((event.status.versions[output] ?? 0) > (round.before[output] ?? 0)) round.reached[output] ??= performance.now() - round.saved;
  }
  if (OUTPUTS.every((output) => output in round!.reached)) round.resolve();
};

const session = await startWatch({ manuscriptDir, outDir, outputs: OUTPUTS, log: () => undefined, onEvent });
while (session.status().build === 0) await session.idle().then(() => new Promise((resolve) => setTimeout(resolve, 50)));
await session.idle();

const file = path.join(manuscriptDir, chapter);
const original = readFileSync(file, 'utf8');
const middle = original.indexOf(' the ', original.length / 2);
const edited = `${original.slice(0, middle)} this ${original.slice(middle + 5)}`;
const samples: Partial<Record<OutputName, number>>[] = [];
for (let index = 0; index < Number(rounds); index++) {
  const reachedAll = new Promise<void>((resolve) => (round = { saved: performance.now(), before: { ...session.status().versions }, reached: {}, resolve }));
  writeFileSync(file, index % 2 === 0 ? edited : original);
  await reachedAll;
  samples.push(round!.reached);
  round = undefined;
  await session.idle();
  await new Promise((resolve) => setTimeout(resolve, 300));
}
await session.close();

// Where the PDF time goes: the print stage's own timings, on a warm page, for the same book.
const cache: ChapterCache = new Map();
const { book } = await loadBook(manuscriptDir, cache);
const printSession = await openPrintSession();
let print: PrintTimings | undefined;
for (let index = 0; index < 2; index++) await renderPrintPdf(book!, printSession, { onTimings: (timings) => (print = timings) });
await printSession.close();

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
console.log(
  JSON.stringify({
    rounds: samples.map((sample) => Object.fromEntries(Object.entries(sample).map(([output, ms]) => [output, Math.round(ms)]))),
    saveToHtmlMs: median(samples.map((sample) => sample.html!)),
    saveToPdfMs: median(samples.map((sample) => sample.pdf!)),
    bestHtmlMs: Math.round(Math.min(...samples.map((sample) => sample.html!))),
    bestPdfMs: Math.round(Math.min(...samples.map((sample) => sample.pdf!))),
    epubMs: median(samples.map((sample) => sample.epub! - sample.pdf!)),
    saveToDoneMs: median(samples.map((sample) => sample.epub!)),
    print,
  }),
);
