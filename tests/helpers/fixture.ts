// Test fixtures: copy a manuscript from tests/fixtures/ to a temp folder, run the CLI on it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES_DIR = path.join(PROJECT_DIR, 'tests/fixtures');
export const SEED_DIR = path.join(PROJECT_DIR, 'manuscript');

/** A fresh temp copy of fixture `name` (or of any folder by absolute path); returns its path. */
export function copyFixture(name: string): string {
  const target = path.join(mkdtempSync(path.join(tmpdir(), 'zine-test-')), 'manuscript');
  cpSync(path.isAbsolute(name) ? name : path.join(FIXTURES_DIR, name), target, { recursive: true });
  return target;
}

/** Run `zine` with `args` in `cwd`; returns exit status and output. */
export function runZine(args: string[], cwd = PROJECT_DIR) {
  const result = spawnSync(process.execPath, [path.join(PROJECT_DIR, 'scripts/bin/zine.js'), ...args], { cwd, encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
