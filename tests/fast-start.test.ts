import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { copyFixture, PROJECT_DIR, SEED_DIR } from './helpers/fixture.ts';

// A copy of the project's code (node_modules linked) with its own compile cache, so sources can change.
const root = mkdtempSync(path.join(tmpdir(), 'zine-fast-start-'));
const project = path.join(root, 'project');
const cache = path.join(project, 'cache');
for (const name of ['scripts', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(path.join(PROJECT_DIR, name), path.join(project, name), { recursive: true });
symlinkSync(path.join(PROJECT_DIR, 'node_modules'), path.join(project, 'node_modules'), 'junction');
after(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Packages whose code ran: a file of theirs was loaded, or a module of theirs in the bundle was started. */
  started: Set<string>;
  /** Every script V8 compiled, by URL. */
  scripts: string[];
}

/** Run the copy's `zine` with `args`, watched by V8's own coverage (which counts every function call, vm scripts too). */
function zine(args: string[]): Promise<Run> {
  const coverage = mkdtempSync(path.join(root, 'coverage-'));
  const child = spawn(process.execPath, [path.join(project, 'scripts/bin/zine.js'), ...args], {
    cwd: root,
    env: { ...process.env, ZINE_COMPILED_DIR: cache, NODE_V8_COVERAGE: coverage },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr, ...startedIn(coverage) })));
}

const PACKAGE = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//;

/**
 * esbuild wraps each bundled module in a function named by its path (`"node_modules/x/index.js"() {…}`) and calls it at
 * the module's first import: a call count above zero is a started module. Packages left outside are files of their own.
 */
function startedIn(coverage: string): Pick<Run, 'started' | 'scripts'> {
  const results = readdirSync(coverage).flatMap((name) => JSON.parse(readFileSync(path.join(coverage, name), 'utf8')).result as { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[]);
  const started = new Set<string>();
  for (const script of results) {
    const own = script.url.includes('/node_modules/') && !script.url.startsWith(`file://${cache}`) ? PACKAGE.exec(script.url)?.[1] : undefined;
    if (own) started.add(own);
    for (const fn of script.functions) {
      const bundled = PACKAGE.exec(fn.functionName)?.[1];
      if (bundled && fn.ranges[0]!.count > 0) started.add(bundled);
    }
  }
  return { started, scripts: results.map((script) => script.url) };
}

/** The compiled versions (and any half-written one), named by their key; the cache holds the font configuration too. */
const compiled = () => readdirSync(cache).filter((name) => /^[0-9a-f]{16}/.test(name)).sort();
const codeCache = (use: string) => path.join(cache, compiled()[0]!, `cli.cjs.${use}.v8cache`);
const HEAVY = ['puppeteer', 'puppeteer-core', 'pdf-lib', 'epub-gen-memory', 'pagedjs', 'chokidar', '@sparticuz/chromium'];

describe('the zine command runs compiled JavaScript', () => {
  test('from a cold cache: two starts at once compile once, both answer; nothing left half-written', async () => {
    const version = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).version;
    const runs = await Promise.all([zine(['--version']), zine(['--version'])]);
    for (const run of runs) assert.deepEqual([run.status, run.stdout.trim(), run.stderr], [0, version, '']);
    assert.equal(compiled().length, 1, `one compiled version, no temporary folder: ${compiled()}`);
    assert.deepEqual(readdirSync(path.join(cache, compiled()[0]!)).sort(), ['builder.cjs', 'cli.cjs', 'cli.cjs.other.v8cache']);
  });

  test("V8's code cache is kept per command, used as it is, and made again when V8 rejects it", async () => {
    const before = statSync(codeCache('other')).mtimeMs;
    assert.equal((await zine(['--version'])).status, 0);
    assert.equal(statSync(codeCache('other')).mtimeMs, before, 'an accepted cache is not written again');
    writeFileSync(codeCache('other'), 'not a code cache');
    const run = await zine(['--help']);
    assert.deepEqual([run.status, run.stderr], [0, '']);
    assert.match(run.stdout, /^Usage:/);
    assert.notEqual(readFileSync(codeCache('other'), 'utf8'), 'not a code cache', 'a rejected cache is replaced');
  });

  test('--version starts no package and no TypeScript; check and build --only html start the Markdown stages but no browser, PDF or EPUB code', async () => {
    const version = await zine(['--version']);
    assert.deepEqual([...version.started], []);
    assert.ok(!version.scripts.some((url) => url.endsWith('.ts')), 'no TypeScript source is loaded');
    const check = await zine(['check', SEED_DIR]);
    assert.equal(check.status, 0, check.stderr);
    for (const name of ['unified', 'remark-parse', 'sharp', 'zod']) assert.ok(check.started.has(name), `check starts ${name}`);
    for (const name of HEAVY) assert.ok(!check.started.has(name), `check does not start ${name}`);
    const html = await zine(['build', SEED_DIR, '--out', path.join(root, 'out'), '--only', 'html']);
    assert.equal(html.status, 0, html.stderr);
    assert.ok(readdirSync(path.join(root, 'out')).some((name) => name.endsWith('.html')));
    for (const name of HEAVY) assert.ok(!html.started.has(name), `build --only html does not start ${name}`);
    assert.ok(statSync(codeCache('check')).size > 0 && statSync(codeCache('build')).size > 0, 'each command has its own code cache');
    // The check can see a bundled package start: the EPUB starts epub-gen-memory.
    const epub = await zine(['build', SEED_DIR, '--out', path.join(root, 'out'), '--only', 'epub']);
    assert.equal(epub.status, 0, epub.stderr);
    assert.ok(epub.started.has('epub-gen-memory'), 'build --only epub starts epub-gen-memory');
    assert.equal(compiled().length, 1, 'a warm start compiles nothing');
  });

  test('the compiled CLI writes what the TypeScript sources write: many scripts, Markdown dialects, math', async () => {
    // Bundling rewrites code (ASCII escapes, file paths, packages inlined): the same HTML proves it means the same.
    const math = copyFixture('minimal');
    writeFileSync(path.join(math, 'math.md'), '# Math\n\nInline $\\int_0^1 x^2\\,dx = \\sum_n a_n$, $x₂ + y³$ and $α → β$.\n\n$$\n\\oint f \\, \\prod_{i=1}^{n} i\n$$\n');
    writeFileSync(path.join(math, 'zine.yaml'), readFileSync(path.join(math, 'zine.yaml'), 'utf8').replace(/^chapters:\n/m, 'chapters:\n  - math.md\n'));
    for (const manuscript of [copyFixture('scripts'), copyFixture('dialects'), math]) {
      const out = (runner: string) => path.join(root, `same-${path.basename(path.dirname(manuscript))}-${runner}`);
      const compiled = await zine(['build', manuscript, '--only', 'html', '--out', out('compiled')]);
      const source = spawnSync(process.execPath, ['--import', 'tsx', path.join(project, 'scripts/cli.ts'), 'build', manuscript, '--only', 'html', '--out', out('source')], { cwd: project, encoding: 'utf8' });
      assert.deepEqual([compiled.status, source.status], [0, 0], compiled.stderr + source.stderr);
      const html = (runner: string) => readdirSync(out(runner)).filter((name) => name.endsWith('.html')).map((name) => readFileSync(path.join(out(runner), name), 'utf8'));
      assert.equal(html('compiled').length, 1);
      if (manuscript === math) assert.match(html('compiled')[0]!, /<math[^]*x₂/);
      assert.deepEqual(html('compiled'), html('source'), `${manuscript}: the same HTML`);
    }
  });

  test('a changed source is compiled again', async () => {
    const cli = path.join(project, 'scripts/cli.ts');
    writeFileSync(cli, readFileSync(cli, 'utf8').replace('Usage:', 'Usage of the changed copy:'));
    const help = await zine(['--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage of the changed copy:/);
    assert.equal(compiled().length, 2);
  });
});
