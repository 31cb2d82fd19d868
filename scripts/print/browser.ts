// Find a Chromium to print with (explicit path, ZINE_BROWSER, a system browser, the embedded one) and launch it locked down.
import { accessSync, constants, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { launch, TimeoutError, type Browser } from 'puppeteer';
import { prepareFontConfig } from '../fonts/index.ts';
import { zineCacheDir } from '../paths/cache-dir.ts';
import { createBrowserProfile } from './browser-profiles.ts';
import { BrowserWaitError, browserWaits, waitMessage } from './browser-wait.ts';

export interface ResolvedBrowser {
  executablePath: string;
  /** Where the browser came from, for the progress line: `--browser /x`, `ZINE_BROWSER=/x`, `system /usr/bin/chromium`, `embedded @sparticuz/chromium`. */
  source: string;
  /** The embedded build is chrome-headless-shell: it wants the old headless flag. */
  embedded: boolean;
}

const SYSTEM_BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const SYSTEM_BROWSER_DIRS = ['/usr/bin', '/usr/local/bin', '/snap/bin', '/opt/google/chrome'];

/** Lock-down flags for every launch: no background traffic, no profile state, deterministic font rendering. */
export const LAUNCH_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-quic',
  '--font-render-hinting=none',
];

/** Pick the browser: `explicitPath` (the CLI's `--browser`), then `ZINE_BROWSER`, then a system Chromium, then the embedded one. */
export async function resolveBrowser(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedBrowser> {
  if (explicitPath) return { executablePath: requireExecutable(explicitPath, '--browser'), source: `--browser ${explicitPath}`, embedded: false };
  const fromEnv = env.ZINE_BROWSER;
  if (fromEnv) return { executablePath: requireExecutable(fromEnv, 'ZINE_BROWSER'), source: `ZINE_BROWSER=${fromEnv}`, embedded: false };
  const system = findSystemBrowser(env.PATH ?? '');
  if (system) return { executablePath: system, source: `system ${system}`, embedded: false };
  // Imported lazily: the package sets FONTCONFIG_PATH for its own fonts when loaded, which must not leak into a system browser.
  const { default: chromium } = await import('@sparticuz/chromium');
  return { executablePath: await chromium.executablePath(), source: 'embedded @sparticuz/chromium', embedded: true };
}

/** First executable system Chrome/Chromium on PATH or in the usual install folders. */
export function findSystemBrowser(searchPath: string): string | undefined {
  const dirs = [...searchPath.split(path.delimiter).filter(Boolean), ...SYSTEM_BROWSER_DIRS];
  for (const name of SYSTEM_BROWSER_NAMES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export interface LaunchedBrowser {
  browser: Browser;
  /** Kill the process (even if it hangs) and delete its temporary profile. */
  kill: () => Promise<void>;
}

/** Launch `resolved` headless with a fresh temporary profile; `--no-sandbox` only when running as root, where Chromium demands it. */
export async function launchBrowser(resolved: ResolvedBrowser): Promise<LaunchedBrowser> {
  const fontConfig = await prepareFontConfig(zineCacheDir());
  const profile = createBrowserProfile();
  const args = [...LAUNCH_FLAGS, `--user-data-dir=${profile}`];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  let browser: Browser;
  try {
    browser = await launch({
      executablePath: resolved.executablePath,
      headless: resolved.embedded ? 'shell' : true,
      pipe: true,
      args,
      env: browserEnvironment(process.env, fontConfig.file),
      ignoreDefaultArgs: ['--enable-automation'],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // Each wait has its own, shorter bound (browser-wait.ts); this only stops a call nothing else bounds.
      protocolTimeout: 900_000,
      // Puppeteer kills a browser that does not start in time; its message is replaced by ours.
      timeout: browserWaits.launch(resolved.source).ms,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    if (error instanceof TimeoutError) throw new BrowserWaitError(waitMessage(browserWaits.launch(resolved.source)), { cause: error });
    throw new Error(`Cannot start the browser (${resolved.source}): ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  const kill = async () => {
    const child = browser.process();
    await Promise.race([browser.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  return { browser, kill };
}

/** The browser's environment: ours, with fontconfig pointed at zine's configuration and nothing else. */
export function browserEnvironment(env: NodeJS.ProcessEnv, fontConfigFile: string): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env, FONTCONFIG_FILE: fontConfigFile };
  delete result.FONTCONFIG_PATH;
  delete result.FONTCONFIG_SYSROOT;
  return result;
}

function requireExecutable(file: string, origin: string): string {
  const absolute = path.resolve(file);
  if (!isExecutable(absolute)) throw new Error(`${origin}: no executable browser at ${absolute}`);
  return absolute;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
