import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { FONT_PACKAGES } from '../scripts/fonts/packages.ts';
import { PROJECT_DIR } from './helpers/fixture.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'zine-doctor-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** `zine doctor` with `args` and `env`: exit status and its lines as a label → value map. */
function doctor(args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [path.join(PROJECT_DIR, 'scripts/bin/zine.js'), 'doctor', ...args], { cwd: temp, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  const lines = result.stdout.trimEnd().split('\n');
  for (const line of lines) assert.match(line, /^[^:]+: +\S/, `a label: value line: ${line}`);
  return { status: result.status, stderr: result.stderr, report: new Map(lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()])) };
}

const manifest = (folder: string) => JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name: string; version: string };

describe('zine doctor', () => {
  test('prints versions, platform, fonts, the browser zine would use and the cache folder; exit 0', () => {
    const { status, stderr, report } = doctor([], { ZINE_BROWSER: '' });
    assert.equal(status, 0, stderr);
    assert.equal(report.get('zine'), manifest(PROJECT_DIR).version);
    assert.equal(report.get('node'), process.version);
    assert.equal(report.get('platform'), `${process.platform} ${process.arch}`);
    for (const font of FONT_PACKAGES) assert.equal(report.get(`font ${font.family}`), `${manifest(font.folder).name} ${manifest(font.folder).version}`);
    for (const name of ['puppeteer', 'pagedjs', 'epub-gen-memory', 'sharp', 'unified']) assert.equal(report.get(name), manifest(path.join(PROJECT_DIR, 'node_modules', name)).version);
    assert.equal(report.get('cache'), path.join(PROJECT_DIR, 'node_modules', '.cache', 'zine'));
    assert.equal(report.get('compiled code'), path.join(PROJECT_DIR, 'node_modules', '.cache', 'zine', 'compiled'));
    if (process.platform === 'linux' && process.arch === 'x64') {
      assert.match(report.get('browser') ?? '', /^embedded @sparticuz\/chromium \(\/.+\)$/);
      assert.match(report.get('browser version') ?? '', /^Chromium \d+\.\d+/);
    }
  });

  test('names the browser --browser gives and asks it its version; a missing one is reported, not fatal', () => {
    const fake = path.join(temp, 'fake-chrome');
    writeFileSync(fake, '#!/bin/sh\n[ "$1" = --version ] && echo "Fake Chrome 1.2.3"\n', { mode: 0o755 });
    const given = doctor(['--browser', fake]);
    assert.equal(given.status, 0, given.stderr);
    assert.equal(given.report.get('browser'), `--browser ${fake}`);
    assert.equal(given.report.get('browser version'), 'Fake Chrome 1.2.3');
    const missing = doctor([], { ZINE_BROWSER: path.join(temp, 'missing') });
    assert.equal(missing.status, 0, missing.stderr);
    assert.equal(missing.report.get('browser'), `none: ZINE_BROWSER: no executable browser at ${path.join(temp, 'missing')}`);
    assert.equal(missing.report.has('browser version'), false);
  });
});
