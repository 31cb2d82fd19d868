// `npm run bench --compare`: zine beside Vivliostyle CLI (PDF) and Pandoc (EPUB) on the same manuscripts, as ratios from one run.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { resolveBrowser } from '../print/resolve-browser.ts';
import type { BenchManuscript } from './bench-manuscripts.ts';
import { pandoc, vivliostyleCli, type PeerCommand } from './peers.ts';

const ZINE_BIN = fileURLToPath(new URL('../bin/zine.js', import.meta.url));
/** Runs of each command; the ratio is of the medians. The runs alternate, so a busy moment slows both sides. */
const RUNS = 3;

export interface Comparison {
  work: string;
  zineMs: number;
  peer: string;
  peerMs: number;
  ratio: number;
  goal: number;
  zineRuns: number[];
  peerRuns: number[];
}

interface BookInfo {
  title: string;
  lang: string;
  chapters: string[];
}

/** Time zine's cold full build and EPUB beside the peers' PDF and EPUB (work in `temp`); installs the peers into `peersDir` when absent. */
export async function comparePeers(manuscripts: readonly BenchManuscript[], temp: string, peersDir: string, log: (line: string) => void): Promise<{ rows: Comparison[]; peers: string[]; browser: string }> {
  const browser = await resolveBrowser();
  const vivliostyle = vivliostyleCli(peersDir, log);
  const pandocCommand = pandoc(peersDir, log);
  const rows: Comparison[] = [];
  for (const manuscript of manuscripts) {
    const book = bookInfo(manuscript.dir);
    // zine finds its browser as a user's build does; Vivliostyle is handed the same one. It reads the same chapter files, from a copy of its own (it writes its workspace beside them).
    const vivDir = path.join(temp, `vivliostyle-${manuscript.name}`);
    cpSync(manuscript.dir, vivDir, { recursive: true });
    writeFileSync(path.join(vivDir, 'vivliostyle.config.json'), JSON.stringify({ title: book.title, language: book.lang, size: 'A5', entry: book.chapters, output: 'book.pdf' }));
    log(`bench --compare: ${manuscript.name}: zine full build vs Vivliostyle PDF…`);
    const full = alternate(
      (run) => timeZine(['build', manuscript.dir, '--out', path.join(temp, `compare-${manuscript.name}-full-${run}`)]),
      () => {
        rmSync(path.join(vivDir, '.vivliostyle'), { recursive: true, force: true });
        return timeCommand(vivliostyle, ['build', '-c', 'vivliostyle.config.json', '--executable-browser', browser.executablePath], vivDir);
      },
    );
    rows.push(row(`${manuscript.name}: cold full build (HTML, PDF, booklet, EPUB) vs Vivliostyle PDF only`, full, vivliostyle, 0.35));
    if (manuscript.name !== 'seed') continue;
    log(`bench --compare: ${manuscript.name}: zine EPUB vs Pandoc EPUB…`);
    const epub = alternate(
      (run) => timeZine(['build', manuscript.dir, '--only', 'epub', '--out', path.join(temp, `compare-${manuscript.name}-epub-${run}`)]),
      (run) => timeCommand(pandocCommand, ['--metadata', `title=${book.title}`, '--metadata', `lang=${book.lang}`, '--resource-path', manuscript.dir, '-o', path.join(temp, `pandoc-${run}.epub`), ...book.chapters], manuscript.dir),
    );
    rows.push(row(`${manuscript.name}: EPUB alone vs Pandoc EPUB`, epub, pandocCommand, 3));
  }
  return { rows, peers: [vivliostyle.version, pandocCommand.version], browser: browser.source };
}

/** The ratio table as text. */
export function formatComparison(result: { rows: Comparison[]; peers: string[]; browser: string }): string {
  const header = ['work', 'zine', 'peer', 'ratio', 'goal'];
  const body = result.rows.map((entry) => [entry.work, seconds(entry.zineMs), seconds(entry.peerMs), `${entry.ratio.toFixed(2)}${entry.ratio > entry.goal ? ' over' : ''}`, `≤ ${entry.goal}`]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((line) => line[column]!.length)));
  const format = (line: string[]) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ');
  const title = `zine beside ${result.peers.join(' and ')} (browser: ${result.browser}); process start to exit, medians of ${RUNS} alternating runs`;
  return `\n${title}\n\n${format(header)}\n${body.map(format).join('\n')}\n`;
}

function row(work: string, runs: { zine: number[]; peer: number[] }, peer: PeerCommand, goal: number): Comparison {
  const zineMs = median(runs.zine);
  const peerMs = median(runs.peer);
  return { work, zineMs, peer: peer.version, peerMs, ratio: zineMs / peerMs, goal, zineRuns: runs.zine, peerRuns: runs.peer };
}

function alternate(zine: (run: number) => number, peer: (run: number) => number): { zine: number[]; peer: number[] } {
  const times = { zine: [] as number[], peer: [] as number[] };
  for (let run = 1; run <= RUNS; run++) {
    times.zine.push(zine(run));
    times.peer.push(peer(run));
  }
  return times;
}

function timeZine(args: string[]): number {
  return timeCommand({ file: process.execPath, env: process.env, args: [ZINE_BIN], version: 'zine' }, args, process.cwd());
}

/** Milliseconds from spawn to exit; a failed run is an error (a ratio of a failure means nothing). */
function timeCommand(command: PeerCommand, args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(command.file, [...command.args, ...args], { cwd, env: command.env, encoding: 'utf8', timeout: 600_000 });
  const elapsed = Math.round(performance.now() - started);
  if (result.status !== 0) throw new Error(`${path.basename(command.file)} ${args.join(' ')} exited with ${result.status}:\n${(result.stderr || result.stdout).slice(-2000)}`);
  return elapsed;
}

function bookInfo(dir: string): BookInfo {
  const config = parse(readFileSync(path.join(dir, 'zine.yaml'), 'utf8')) as { title: string; lang?: string; chapters: string[] };
  return { title: config.title, lang: config.lang ?? 'en', chapters: config.chapters };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
