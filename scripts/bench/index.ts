// `npm run bench`: start-up times, cold full builds and warm one-word rebuilds of the seed and a 10× manuscript; a table and build/bench.json.
// `--compare` (or `npm run bench --compare`) adds the same work done by Vivliostyle CLI and Pandoc; `--compare-only` runs just that.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBenchManuscripts } from './bench-manuscripts.ts';
import { formatBenchTable, type BenchRow, type ColdResult, type WarmResult } from './bench-table.ts';
import { comparePeers, formatComparison } from './compare.ts';
import { runChild } from './run-child.ts';
import { medianStartUpMs } from './start-up.ts';

const SEED_DIR = fileURLToPath(new URL('../../manuscript/', import.meta.url));
const TIMES = 10;
const EDIT_ROUNDS = '5';
/** Cold builds per manuscript: the table shows the median one (and the best), bench.json keeps all. */
const COLD_RUNS = 3;
/** Where `--compare` installs Vivliostyle CLI and Pandoc: a temp folder kept between runs (the npm install takes a minute). */
const PEERS_DIR = path.join(os.tmpdir(), 'zine-bench-peers');
// `npm run bench --compare` reaches the script as npm's config (npm_config_compare), `npm run bench -- --compare` as an argument.
const compareOnly = process.argv.includes('--compare-only') || process.env.npm_config_compare_only === 'true';
const compare = compareOnly || process.argv.includes('--compare') || process.env.npm_config_compare === 'true';

const loadAtStart = os.loadavg();
const temp = mkdtempSync(path.join(os.tmpdir(), 'zine-bench-'));
try {
  const rows: BenchRow[] = [];
  const manuscripts = makeBenchManuscripts(SEED_DIR, temp, TIMES);
  for (const manuscript of compareOnly ? [] : manuscripts) {
    process.stderr.write(`bench: ${manuscript.name}: start-up…\n`);
    const startUp = { versionMs: medianStartUpMs(['--version']), checkMs: medianStartUpMs(['check', manuscript.dir]) };
    const colds = [];
    for (let run = 1; run <= COLD_RUNS; run++) {
      process.stderr.write(`bench: ${manuscript.name}: cold build ${run}/${COLD_RUNS}…\n`);
      const cold = await runChild<ColdResult>('cold-build.ts', [manuscript.dir, path.join(temp, `${manuscript.name}-cold-${run}`)]);
      if (!cold.result.ok) throw new Error(`The cold build of ${manuscript.name} failed`);
      colds.push({ ...cold.result, wallMs: cold.wallMs, cpuMs: cold.cpuMs, peak: cold.peak });
    }
    const sorted = [...colds].sort((a, b) => a.buildMs - b.buildMs);
    process.stderr.write(`bench: ${manuscript.name}: warm edits…\n`);
    const warm = await runChild<WarmResult>('warm-edit.ts', [manuscript.dir, path.join(temp, `${manuscript.name}-warm`), manuscript.editChapter, EDIT_ROUNDS]);
    const peak = { rss: Math.max(...colds.map((cold) => cold.peak.rss)), pss: Math.max(...colds.map((cold) => cold.peak.pss)) };
    rows.push({ name: manuscript.name, cold: { ...sorted[Math.floor(sorted.length / 2)]!, peak, bestBuildMs: sorted[0]!.buildMs }, coldRuns: colds, warm: { ...warm.result, peak: warm.peak }, startUp });
  }
  const comparison = compare ? await comparePeers(manuscripts, temp, PEERS_DIR, (line) => process.stderr.write(`${line}\n`)) : undefined;
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryBytes: os.totalmem(), node: process.version, loadAtStart, loadAverage: os.loadavg() };
  if (rows.length > 0) process.stdout.write(formatBenchTable(rows, machine));
  if (comparison) process.stdout.write(`${formatComparison(comparison)}load average ${machine.loadAverage.map((average) => average.toFixed(1)).join(' ')} at the end\n`);
  const target = path.resolve('build', 'bench.json');
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify({ date: new Date().toISOString(), machine, rows, comparison }, null, 2)}\n`);
  process.stderr.write(`bench: wrote ${path.relative(process.cwd(), target)}\n`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
