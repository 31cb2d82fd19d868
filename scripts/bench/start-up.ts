// Start-up time of the `zine` command as a user runs it (the compiled code, its cache warm): the median of a few runs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ZINE_BIN = fileURLToPath(new URL('../bin/zine.js', import.meta.url));
const RUNS = 5;

/** Median milliseconds from spawn to exit of `zine ...args`, after one run that warms the cache (and compiles if needed). */
export function medianStartUpMs(args: string[]): number {
  const times = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [ZINE_BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`zine ${args.join(' ')} exited with ${result.status}:\n${result.stderr.slice(-2000)}`);
    if (run > 0) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
