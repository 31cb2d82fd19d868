import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { PROJECT_DIR, SEED_DIR } from './helpers/fixture.ts';

// A copy of the project's code (node_modules linked) with its own compile cache, so sources can change.
const root = mkdtempSync(path.join(tmpdir(), 'zine-fast-start-'));
const project = path.join(root, 'project');
const cache = path.join(project, 'cache');
for (const name of ['scripts', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(path.join(PROJECT_DIR, name), path.join(project, name), { recursive: true });
symlinkSync(path.join(PROJECT_DIR, 'node_modules'), path.join(project, 'node_modules'), 'junction');
after(() => rmSync(root, { recursive: true, force: true }));

const HOOK = path.join(PROJECT_DIR, 'tests/helpers/module-log-hook.mjs');

/** Run the copy's `zine` with `args`; `modules` lists the ES modules it loaded. */
function zine(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; modules: string[] }> {
  const log = path.join(root, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const child = spawn(process.execPath, ['--import', HOOK, path.join(project, 'scripts/bin/zine.js'), ...args], {
    cwd: root,
    env: { ...process.env, ZINE_COMPILED_DIR: cache, ZINE_MODULE_LOG: log },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) })));
}

/** The compiled versions (and any half-written one), named by their key; the cache holds the font configuration too. */
const compiled = () => readdirSync(cache).filter((name) => /^[0-9a-f]{16}/.test(name)).sort();
/** Packages loaded: imported from node_modules, or bundled into a loaded compiled chunk (esbuild names each bundled file in a comment). */
const packagesIn = (modules: string[]) => {
  const imported = modules.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []);
  const chunks = modules.filter((url) => url.startsWith(pathToFileURL(cache).href)).map((url) => readFileSync(fileURLToPath(url), 'utf8'));
  const bundled = chunks.flatMap((code) => [...code.matchAll(/^\/\/ \S*?node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]!));
  return new Set([...imported.filter((name) => name !== '.cache'), ...bundled]);
};
const HEAVY = ['puppeteer', 'puppeteer-core', 'pdf-lib', 'epub-gen-memory', 'pagedjs', 'chokidar', '@sparticuz/chromium'];

describe('the zine command runs compiled JavaScript', () => {
  test('from a cold cache: two starts at once compile once, both answer; nothing left half-written', async () => {
    const version = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).version;
    const runs = await Promise.all([zine(['--version']), zine(['--version'])]);
    for (const run of runs) assert.deepEqual([run.status, run.stdout.trim(), run.stderr], [0, version, '']);
    assert.equal(compiled().length, 1, `one compiled version, no temporary folder: ${compiled()}`);
    assert.ok(readdirSync(path.join(cache, compiled()[0]!)).includes('cli.mjs'));
  });

  test('--version loads no package and no TypeScript; check and build --only html load the Markdown stages but no browser, PDF or EPUB code', async () => {
    const version = await zine(['--version']);
    assert.deepEqual([...packagesIn(version.modules)], []);
    assert.ok(!version.modules.some((url) => url.endsWith('.ts')), 'no TypeScript source is loaded');
    const check = await zine(['check', SEED_DIR]);
    assert.equal(check.status, 0, check.stderr);
    const loaded = packagesIn(check.modules);
    for (const name of ['unified', 'remark-parse', 'sharp', 'zod']) assert.ok(loaded.has(name), `check loads ${name}`);
    for (const name of HEAVY) assert.ok(!loaded.has(name), `check does not load ${name}`);
    const html = await zine(['build', SEED_DIR, '--out', path.join(root, 'out'), '--only', 'html']);
    assert.equal(html.status, 0, html.stderr);
    assert.ok(readdirSync(path.join(root, 'out')).some((name) => name.endsWith('.html')));
    for (const name of HEAVY) assert.ok(!packagesIn(html.modules).has(name), `build --only html does not load ${name}`);
    assert.equal(compiled().length, 1, 'a warm start compiles nothing');
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
