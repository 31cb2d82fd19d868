// Outputs are written to a temporary file beside the target, then renamed: a reader never sees half a file.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Write `data` to `target` atomically (same-folder temp file + rename), creating the folder if needed. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data, { flush: true });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Like `writeFileAtomic`, but leave `target` alone when it already holds exactly `data` (a rebuild's unchanged images). */
export async function writeFileIfChanged(target: string, data: Uint8Array): Promise<void> {
  const current = await readFile(target).catch(() => undefined);
  if (current && Buffer.from(data.buffer, data.byteOffset, data.byteLength).equals(current)) return;
  await writeFileAtomic(target, data);
}
