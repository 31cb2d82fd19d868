// Temp files a killed build left beside its outputs (`.name.pid.rand.tmp`): the next build removes them once they are stale.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** What `writeFileAtomic` names its temp files, and what the print image cache names its own. */
const TEMP_NAMES = [/^\..+\.\d+\.[0-9a-f]{8}\.tmp$/, /^[0-9a-f]{32}\.(png|jpg)\.\d+\.tmp$/];

/** A write takes seconds: a temp file this old belongs to a build that died, never to one still running. */
export const STALE_AFTER_MS = 10 * 60_000;

/** Folders below the output folder that hold outputs: `<slug>-images/` (depth 1); the print image cache itself (depth 0). */
const MAX_DEPTH = 1;

/** Remove stale temp files from `outDir` (an output folder, or the print image cache) and the folders just below it; returns their paths. */
export async function removeStaleTempFiles(outDir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (dir: string, depth: number) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(file, depth + 1);
      if (!entry.isFile() || !TEMP_NAMES.some((pattern) => pattern.test(entry.name))) continue;
      const info = await stat(file).catch(() => undefined);
      if (!info || now - info.mtimeMs < STALE_AFTER_MS) continue;
      await rm(file, { force: true });
      removed.push(file);
    }
  };
  await walk(outDir, 0);
  return removed;
}
