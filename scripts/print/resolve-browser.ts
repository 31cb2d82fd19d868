// Pick the browser to print with: the first candidate (browser-candidates.ts) that is there, checked on this machine.
import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserCandidates, noBrowserMessage } from './browser-candidates.ts';

export interface ResolvedBrowser {
  executablePath: string;
  /** Where the browser came from, for the progress line: `--browser /x`, `ZINE_BROWSER=/x`, `embedded @sparticuz/chromium`, `system /usr/bin/chromium`. */
  source: string;
  /** The embedded build is chrome-headless-shell: it wants the old headless flag. */
  embedded: boolean;
}

/** Pick the browser: `explicitPath` (the CLI's `--browser`), then `ZINE_BROWSER`, then the embedded Chromium where it runs, then a system one. */
export async function resolveBrowser(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedBrowser> {
  const candidates = browserCandidates({ platform: process.platform, arch: process.arch, env, exists: isExecutable, explicitPath, home: os.homedir() });
  let embeddedFailure: string | undefined;
  for (const candidate of candidates) {
    if (candidate.kind === 'given') {
      const absolute = path.resolve(candidate.executablePath);
      if (!isExecutable(absolute)) throw new Error(`${candidate.origin}: no executable browser at ${absolute}`);
      return { executablePath: absolute, source: candidate.label, embedded: false };
    }
    if (candidate.kind === 'system') return { executablePath: candidate.executablePath, source: candidate.label, embedded: false };
    try {
      return { executablePath: await unpackEmbeddedBrowser(), source: candidate.label, embedded: true };
    } catch (error) {
      embeddedFailure = (error as Error).message;
    }
  }
  throw new Error(noBrowserMessage(process.platform, process.arch, embeddedFailure));
}

/** Imported only here, when it is the one to use: the package sets environment variables (fontconfig, libraries) when loaded. */
async function unpackEmbeddedBrowser(): Promise<string> {
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
