// Never overwrite: which of the files a new manuscript would write already exist.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_NAME } from '../config/load.ts';
import { shown } from './say.ts';

/** Why `dir` cannot take a new manuscript made of `files` (relative to it), or undefined when nothing is in the way. */
export async function whyNotFree(dir: string, files: readonly string[], command: string): Promise<string | undefined> {
  const config = path.join(dir, CONFIG_NAME);
  if (await exists(config)) return `${shown(config)} already exists: ${shown(dir)} is a manuscript, and ${command} never overwrites one`;
  for (const file of files.map((name) => path.join(dir, name))) {
    if (await exists(file)) return `${shown(file)} already exists, and ${command} never overwrites a file`;
  }
  return undefined;
}

function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
