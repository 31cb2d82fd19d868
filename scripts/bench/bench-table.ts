// The benchmark's table: one column per manuscript, a row per measure (cold: the median run), and the target each is held to.
import type { PrintTimings } from '../print/index.ts';
import type { TreeMemory } from './process-tree.ts';

/** What a cold build's child process reports about itself. */
export interface ColdResult {
  ok: boolean;
  sinceStartMs: number;
  importMs: number;
  buildMs: number;
  closeMs: number;
  browserMs: number;
  timings: Record<string, number>;
}

/** A cold build as measured from outside: its own report, wall and CPU time, peak memory. */
export interface ColdRun extends Omit<ColdResult, 'ok'> {
  wallMs: number;
  cpuMs: number;
  peak: TreeMemory;
}

export interface BenchRow {
  name: string;
  /** The median cold run (by build time), with the best build time and the highest peak of all runs. */
  cold: ColdRun & { bestBuildMs: number };
  coldRuns: ColdRun[];
  warm: WarmResult & { peak: TreeMemory };
  /** `zine --version` and `zine check` of the manuscript, median milliseconds from spawn to exit. */
  startUp: { versionMs: number; checkMs: number };
}

/** A warm builder's one-word edits: median and best times from save to each updated output. */
export interface WarmResult {
  saveToHtmlMs: number;
  saveToPdfMs: number;
  bestHtmlMs: number;
  bestPdfMs: number;
  epubMs: number;
  saveToDoneMs: number;
  print?: PrintTimings;
}

interface Measure {
  label: string;
  value: (row: BenchRow) => number | undefined;
  unit: 'ms' | 'MB' | '';
  /** Limits by column index (0 = seed, 1 = 10×). */
  limits?: (number | undefined)[];
}

const MB = 1024 * 1024;
const MEASURES: Measure[] = [
  { label: 'start `zine --version`, median', value: (row) => row.startUp.versionMs, unit: 'ms', limits: [300, 300] },
  { label: 'start `zine check`, median', value: (row) => row.startUp.checkMs, unit: 'ms', limits: [1000] },
  { label: 'cold  process start to exit', value: (row) => row.cold.wallMs, unit: 'ms' },
  { label: 'cold  CPU time, node + browser', value: (row) => row.cold.cpuMs, unit: 'ms' },
  { label: 'cold  module imports', value: (row) => row.cold.importMs, unit: 'ms' },
  { label: 'cold  manuscript', value: (row) => row.cold.timings.manuscript, unit: 'ms' },
  { label: 'cold  html', value: (row) => row.cold.timings.html, unit: 'ms' },
  { label: 'cold  browser launch', value: (row) => row.cold.browserMs, unit: 'ms' },
  { label: 'cold  pdf (without launch)', value: (row) => row.cold.timings.pdf! - row.cold.browserMs, unit: 'ms' },
  { label: 'cold  booklet', value: (row) => row.cold.timings.booklet, unit: 'ms' },
  { label: 'cold  epub', value: (row) => row.cold.timings.epub, unit: 'ms' },
  { label: 'cold  full build (new builder), median', value: (row) => row.cold.buildMs, unit: 'ms', limits: [4000, 15000] },
  { label: 'cold  full build (new builder), best', value: (row) => row.cold.bestBuildMs, unit: 'ms', limits: [4000, 15000] },
  { label: 'cold  peak RSS, node + browser (all runs)', value: (row) => row.cold.peak.rss / MB, unit: 'MB', limits: [undefined, 1536] },
  { label: 'cold  peak PSS, node + browser (all runs)', value: (row) => row.cold.peak.pss / MB, unit: 'MB' },
  { label: 'warm  one-word edit: save to HTML, median', value: (row) => row.warm.saveToHtmlMs, unit: 'ms', limits: [200] },
  { label: 'warm  one-word edit: save to HTML, best', value: (row) => row.warm.bestHtmlMs, unit: 'ms', limits: [200] },
  { label: 'warm  one-word edit: save to PDF, median', value: (row) => row.warm.saveToPdfMs, unit: 'ms', limits: [1500] },
  { label: 'warm  one-word edit: save to PDF, best', value: (row) => row.warm.bestPdfMs, unit: 'ms', limits: [1500] },
  { label: 'warm  one-word edit: EPUB after PDF', value: (row) => row.warm.epubMs, unit: 'ms' },
  { label: 'warm  print: document + images', value: (row) => row.warm.print?.imagesMs, unit: 'ms' },
  { label: 'warm  print: Paged.js layout', value: (row) => row.warm.print?.layoutMs, unit: 'ms' },
  { label: 'warm  print: lost-text check', value: (row) => row.warm.print?.checkMs, unit: 'ms' },
  { label: 'warm  print: load + Chromium PDF', value: (row) => row.warm.print?.pdfMs, unit: 'ms' },
  { label: 'warm  print: pdf-lib finish', value: (row) => row.warm.print?.finishMs, unit: 'ms' },
  { label: 'warm  print: pages', value: (row) => row.warm.print?.pages, unit: '' },
  { label: 'warm  peak RSS, node + browser', value: (row) => row.warm.peak.rss / MB, unit: 'MB', limits: [undefined, 1536] },
  { label: 'warm  peak PSS, node + browser', value: (row) => row.warm.peak.pss / MB, unit: 'MB' },
];

/** The table as text; a measure over its limit is marked `over`. */
export function formatBenchTable(rows: readonly BenchRow[], machine: { cpus: number; cpuModel: string; node: string; loadAtStart: number[]; loadAverage: number[] }): string {
  const header = ['measure', ...rows.map((row) => row.name), 'target'];
  const body = MEASURES.map((measure) => [
    measure.label,
    ...rows.map((row, column) => {
      const value = measure.value(row);
      if (value === undefined || Number.isNaN(value)) return '–';
      const limit = measure.limits?.[column];
      return `${Math.round(value)} ${measure.unit}`.trim() + (limit !== undefined && value > limit ? ' over' : '');
    }),
    (measure.limits ?? []).map((limit, column) => (limit === undefined ? '' : `${rows[column]?.name ?? ''} ≤ ${limit} ${measure.unit}`)).filter(Boolean).join(', '),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((line) => line[column]!.length)));
  const format = (line: string[]) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ').trimEnd();
  const load = (averages: number[]) => averages.map((average) => average.toFixed(1)).join(' ');
  const title = `zine benchmark: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; load average ${load(machine.loadAtStart)} at start, ${load(machine.loadAverage)} at the end (other work slows every number)`;
  return `${title}\n\n${format(header)}\n${body.map(format).join('\n')}\n`;
}
