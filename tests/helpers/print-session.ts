// One warm print session per test file: opened before its tests, closed (with its image cache) after them.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { openPrintSession, type PrintSession } from '../../scripts/print/index.ts';

/** Register the session's before/after hooks; its fields are set once the file's tests run. */
export function sharePrintSession(prefix: string): { session: PrintSession; cacheDir: string } {
  const shared = {} as { session: PrintSession; cacheDir: string };
  before(async () => {
    shared.cacheDir = await mkdtemp(path.join(os.tmpdir(), prefix));
    shared.session = await openPrintSession();
  });
  after(async () => {
    await shared.session?.close();
    if (shared.cacheDir) await rm(shared.cacheDir, { recursive: true, force: true });
  });
  return shared;
}
