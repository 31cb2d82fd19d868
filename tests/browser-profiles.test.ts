// Browser profiles left by a killed build are removed by the next one; live ones are kept.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createBrowserProfile } from '../scripts/print/browser-profiles.ts';

test('a new profile removes those whose owner died, keeps live and recent unowned ones', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'zine-profiles-'));
  const profile = (name: string, owner?: number) => {
    const dir = path.join(tmp, `zine-chromium-${name}`);
    mkdirSync(dir);
    if (owner !== undefined) writeFileSync(path.join(dir, 'zine-owner-pid'), String(owner));
    return dir;
  };
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const killed = profile('killed', Number(dead.stdout));
  const live = profile('live', process.pid);
  const recent = profile('recent');
  const old = profile('old');
  utimesSync(old, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
  const other = path.join(tmp, 'someone-else');
  mkdirSync(other);

  const created = createBrowserProfile(tmp);
  assert.equal(existsSync(killed), false);
  assert.equal(existsSync(old), false);
  assert.ok(existsSync(live) && existsSync(recent) && existsSync(other));
  assert.ok(existsSync(path.join(created, 'zine-owner-pid')));
});
