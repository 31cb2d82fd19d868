// Interrupted and overlapping builds: a killed build loses nothing, two builds at once corrupt nothing, Ctrl-C leaves no browser.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { PDFDocument } from 'pdf-lib';
import { STALE_AFTER_MS } from '../scripts/build/stale-temp-files.ts';
import { describeProblems, epubcheck } from './helpers/epubcheck.ts';
import { copyFixture } from './helpers/fixture.ts';
import { assertNoCrash, runZineAsync, snapshotDir, startZine } from './helpers/hostile.ts';
import { descendants, isRunning, type ProcessRecord } from './helpers/process-tree.ts';

const SLUG = 'a-minimal-zine';
const OUTPUTS = [`${SLUG}.html`, `${SLUG}.pdf`, `${SLUG}-booklet.pdf`, `${SLUG}-minizine.pdf`, `${SLUG}.epub`];
const TEMP_FILE = /(^|\/)\.[^/]+\.\d+\.[0-9a-f]{8}\.tmp$/;

/** The outputs of a build (not the print image cache), relative path → sha256. */
function outputs(out: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshotDir(out)).filter(([name]) => !name.startsWith('.cache/')));
}

/** Start `zine build`, and once it prints `line`, note the processes below it until it ends (the browser, its helpers). */
async function buildUntil(args: string[], line: RegExp, env?: NodeJS.ProcessEnv) {
  const running = startZine(['build', ...args], { env });
  await running.waitForLine(line);
  const seen = new Map<string, ProcessRecord>();
  let ended = false;
  const watching = (async () => {
    while (!ended) {
      // Keep the first record of each: a process on its way out (a zombie) has no command line left.
      for (const process of descendants(running.child.pid!)) if (!seen.get(`${process.pid}:${process.started}`)?.command) seen.set(`${process.pid}:${process.started}`, process);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const stop = async (signal: NodeJS.Signals) => {
    running.child.kill(signal);
    const run = await running.done;
    ended = true;
    await watching;
    return { run, processes: [...seen.values()] };
  };
  return { stop };
}

/** Wait up to `ms` for every process to be gone; returns those still running. */
async function stillRunningAfter(processes: ProcessRecord[], ms: number): Promise<ProcessRecord[]> {
  const deadline = performance.now() + ms;
  while (processes.some(isRunning) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return processes.filter(isRunning);
}

/** The temporary profile folders (`--user-data-dir`) of the browsers among `processes`. */
function browserProfiles(processes: ProcessRecord[]): string[] {
  return [...new Set(processes.flatMap((process) => /--user-data-dir=(\S+)/.exec(process.command)?.[1] ?? []))];
}

/** Kill (by pid) any process a failed assertion would otherwise leave behind. */
function cleanUp(processes: ProcessRecord[]) {
  for (const process of processes.filter(isRunning)) {
    try {
      globalThis.process.kill(process.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Builds with one SOURCE_DATE_EPOCH make the same bytes, so "the new version" of an output is known exactly. */
const REPRODUCIBLE = { ...process.env, SOURCE_DATE_EPOCH: '1717200000' };

test('SIGKILL at points through the PDF step: each output is its old bytes or its complete new bytes; the next build cleans stale temp files', async () => {
  const dir = copyFixture('minimal');
  const pristine = path.join(path.dirname(dir), 'old');
  assert.equal((await runZineAsync(['build', dir, '--out', pristine], { env: REPRODUCIBLE })).status, 0);
  const old = outputs(pristine);
  assert.deepEqual(OUTPUTS.filter((name) => !old[name]), []);
  const chapter = path.join(dir, '01-first.md');
  writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('The First Chapter', 'The Changed Chapter'));
  const reference = path.join(path.dirname(dir), 'new');
  assert.equal((await runZineAsync(['build', dir, '--out', reference], { env: REPRODUCIBLE })).status, 0);
  const next = outputs(reference);
  assert.notEqual(next[`${SLUG}.pdf`], old[`${SLUG}.pdf`]);

  let out = '';
  for (const delay of [0, 300, 700, 1200]) {
    out = path.join(path.dirname(dir), `killed-${delay}`);
    cpSync(pristine, out, { recursive: true });
    const build = await buildUntil([dir, '--out', out], /^zine: browser /, REPRODUCIBLE);
    await new Promise((resolve) => setTimeout(resolve, delay));
    const { run, processes } = await build.stop('SIGKILL');
    try {
      assert.ok(run.signal === 'SIGKILL' || run.status === 0, run.stderr);
      assert.deepEqual(await stillRunningAfter(processes, 10_000), [], 'the browser outlives its killed build');
    } finally {
      cleanUp(processes);
      // kill -9 gives the build no chance to delete its browser's temporary profile: the test does.
      for (const profile of browserProfiles(processes)) rmSync(profile, { recursive: true, force: true });
    }
    const after = outputs(out);
    for (const name of Object.keys(after).filter((file) => TEMP_FILE.test(file))) delete after[name];
    assert.deepEqual(Object.keys(after).sort(), Object.keys(old).sort(), `killed ${delay} ms after the browser started`);
    for (const [name, hash] of Object.entries(after)) assert.ok(hash === old[name] || hash === next[name], `${name}, killed ${delay} ms after the browser started, is neither version`);
  }

  const longAgo = (Date.now() - 2 * STALE_AFTER_MS) / 1000;
  const stale = [path.join(out, `.${SLUG}.pdf.424242.0badc0de.tmp`), path.join(out, `${SLUG}-images`, '.01-square.png.424242.0badf00d.tmp')];
  const fresh = path.join(out, `.${SLUG}.epub.434343.cafebabe.tmp`);
  const notOurs = path.join(out, 'notes.tmp');
  for (const file of [...stale, fresh, notOurs]) writeFileSync(file, 'partial');
  for (const file of [...stale, notOurs]) utimesSync(file, longAgo, longAgo);
  const rebuilt = await runZineAsync(['build', dir, '--out', out], { env: REPRODUCIBLE });
  assertNoCrash(rebuilt);
  assert.equal(rebuilt.status, 0, rebuilt.stderr);
  assert.deepEqual(stale.filter(existsSync), [], 'stale temp files are removed');
  assert.ok(existsSync(fresh), 'a fresh temp file may be a running build’s: it stays');
  assert.ok(existsSync(notOurs), 'files not named like ours stay');
  const rebuiltOutputs = outputs(out);
  for (const name of OUTPUTS) assert.equal(rebuiltOutputs[name], next[name], name);
});

test('two builds at once into the same folder: both succeed and every output is whole (pdf-lib, EPUBCheck, HTML parser)', async () => {
  const dir = copyFixture('minimal');
  const out = path.join(path.dirname(dir), 'build');
  mkdirSync(out);
  const runs = await Promise.all([runZineAsync(['build', dir, '--out', out]), runZineAsync(['build', dir, '--out', out])]);
  for (const run of runs) {
    assertNoCrash(run);
    assert.equal(run.status, 0, run.stderr);
  }
  const written = outputs(out);
  assert.deepEqual(Object.keys(written).filter((name) => TEMP_FILE.test(name)), []);
  for (const name of OUTPUTS.filter((file) => file.endsWith('.pdf'))) {
    const pdf = await PDFDocument.load(readFileSync(path.join(out, name)), { updateMetadata: false });
    assert.ok(pdf.getPageCount() > 0, name);
  }
  const report = await epubcheck(new Uint8Array(readFileSync(path.join(out, `${SLUG}.epub`))));
  assert.equal(report.checker.nFatal + report.checker.nError + report.checker.nWarning, 0, describeProblems(report));
  const problems: string[] = [];
  const html = readFileSync(path.join(out, `${SLUG}.html`), 'utf8');
  fromHtml(html, { onerror: (error) => void problems.push(error.message) });
  assert.deepEqual(problems, []);
  assert.match(html, /<\/html>\s*$/);
  for (const [, src] of html.matchAll(/<img src="([^"]+)"/g)) assert.ok(existsSync(path.join(out, src!)), src);
  assert.deepEqual(readdirSync(path.join(out, `${SLUG}-images`)).filter((name) => name.endsWith('.tmp')), []);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} while the browser renders: exit 130, every process the build started gone, its browser profile removed`, async () => {
    const dir = copyFixture('print-notes');
    const build = await buildUntil([dir, '--out', path.join(path.dirname(dir), 'build')], /^zine: browser /);
    const { run, processes } = await build.stop(signal);
    try {
      assert.equal(run.status, 130, run.stderr);
      assert.doesNotMatch(run.stderr, /^\s+at .+/m);
      assert.ok(processes.some((process) => /chromium|chrome/.test(process.command)), `no browser seen: ${processes.map((process) => process.command).join('\n')}`);
      assert.deepEqual(await stillRunningAfter(processes, 5000), []);
      const profiles = browserProfiles(processes);
      assert.ok(profiles.length > 0, 'the browser has a --user-data-dir');
      assert.deepEqual(profiles.filter(existsSync), [], 'the temporary browser profile is removed');
    } finally {
      cleanUp(processes);
    }
  });
}
