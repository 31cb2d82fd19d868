// What the preview knows about the builds: state, messages and output file names, and the events sent to pages.
import path from 'node:path';
import type { OutputName } from '../build/outputs.ts';

export interface BuildStatus {
  /** `building` while a rebuild runs; `failed` when the last one reported errors (outputs are the last good ones). */
  state: 'starting' | 'building' | 'ok' | 'failed';
  /** Number of the last finished rebuild (0 before the first). */
  build: number;
  /** True when the last finished rebuild failed: the pages show its errors, also while the next one runs. */
  failed: boolean;
  /** Messages of the last rebuild, `file:line:column  severity  message  rule`. */
  lines: string[];
  /** The outputs this watch builds. */
  outputs: OutputName[];
  /** Output file names inside the output folder, from the last successful write of each. */
  files: Partial<Record<OutputName, string>>;
  /** The rebuild that last wrote each output: a page served at an older version reloads. */
  versions: Partial<Record<OutputName, number>>;
}

/** `status` carries the whole status; `reload` says which outputs were just rewritten. */
export type WatchEvent = { type: 'status'; status: BuildStatus } | { type: 'reload'; outputs: OutputName[]; status: BuildStatus };

/** Output file names (relative to `outDir`) among `written` paths, by output. */
export function outputFileNames(written: readonly string[], outDir: string): Partial<Record<OutputName, string>> {
  const files: Partial<Record<OutputName, string>> = {};
  for (const file of written) {
    if (path.dirname(file) !== outDir) continue;
    const name = path.basename(file);
    if (name.endsWith('-booklet.pdf')) files.booklet = name;
    else if (name.endsWith('-minizine.pdf')) files.minizine = name;
    else if (name.endsWith('.pdf')) files.pdf = name;
    else if (name.endsWith('.html')) files.html = name;
    else if (name.endsWith('.epub')) files.epub = name;
  }
  return files;
}
