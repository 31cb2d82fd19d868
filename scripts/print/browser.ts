// Launch the browser to print with (found by resolve-browser.ts) locked down.
import { rmSync } from 'node:fs';
import { launch, TimeoutError, type Browser } from 'puppeteer';
import { prepareFontConfig } from '../fonts/index.ts';
import { zineCacheDir } from '../paths/cache-dir.ts';
import { createBrowserProfile } from './browser-profiles.ts';
import { BrowserWaitError, browserWaits, waitMessage } from './browser-wait.ts';
import type { ResolvedBrowser } from './resolve-browser.ts';

export { resolveBrowser, type ResolvedBrowser } from './resolve-browser.ts';

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
