// Benchmark child process: one cold full build (fresh process, new builder, browser launched on demand); JSON on stdout.
import { performance } from 'node:perf_hooks';

const [manuscriptDir, outDir] = process.argv.slice(2);
if (!manuscriptDir || !outDir) throw new Error('usage: cold-build.ts <manuscript-dir> <out-dir>');

// The builder compiled and run as `zine` runs it (compiled first if a source changed, before the clock starts).
const { compiledEntry, runCompiled } = await import('../bin/compiled-cli.js');
await compiledEntry('builder');
const imported = performance.now();
const { createBuilder, OUTPUT_NAMES } = (await runCompiled('builder', 'bench')) as unknown as typeof import('../build/index.ts');
const importMs = performance.now() - imported;
let browserMs = 0;
const builder = createBuilder({
  manuscriptDir,
  outDir,
  log: (line) => {
    const launch = /^browser\s.*\s(\d+) ms$/.exec(line);
    if (launch) browserMs = Number(launch[1]);
  },
});
const started = performance.now();
const result = await builder.build(OUTPUT_NAMES);
const buildMs = performance.now() - started;
const closing = performance.now();
await builder.close();
const closeMs = performance.now() - closing;
console.log(JSON.stringify({ ok: result.ok, sinceStartMs: Math.round(performance.now()), importMs: Math.round(importMs), buildMs: Math.round(buildMs), closeMs: Math.round(closeMs), browserMs, timings: result.timings }));
