// Reproducible builds end to end: the same manuscript and SOURCE_DATE_EPOCH give byte-identical files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PROJECT_DIR, SEED_DIR } from './helpers/fixture.ts';

const FILES = ['kazakhstan-after-the-uprising.pdf', 'kazakhstan-after-the-uprising-booklet.pdf', 'kazakhstan-after-the-uprising.epub'];

function buildSeed(epoch: string): Record<string, string> {
  const out = mkdtempSync(path.join(tmpdir(), 'zine-repro-'));
  const result = spawnSync(process.execPath, [path.join(PROJECT_DIR, 'scripts/bin/zine.js'), 'build', SEED_DIR, '--out', out, '--only', 'pdf,booklet,epub'], {
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: epoch },
    timeout: 240_000,
  });
  assert.equal(result.status, 0, result.stderr);
  return Object.fromEntries(FILES.map((name) => [name, createHash('sha256').update(readFileSync(path.join(out, name))).digest('hex')]));
}

test('two builds of the seed with the same SOURCE_DATE_EPOCH are byte-identical; another date changes them', () => {
  const first = buildSeed('1642032000');
  assert.deepEqual(buildSeed('1642032000'), first);
  const later = buildSeed('1700000000');
  for (const name of FILES) assert.notEqual(later[name], first[name], `${name} carries its date`);
});
