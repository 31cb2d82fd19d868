// One warm browser for a build (or a whole watch session): sandboxed pages reused across renders, closed for sure.
import type { Browser } from 'puppeteer';
import { launchBrowser, resolveBrowser } from './browser.ts';
import { BrowserWaitError } from './browser-wait.ts';
import { sandboxPage, type SandboxedPage } from './sandbox.ts';

export interface PrintSession {
  browser: Browser;
  /** Which browser runs, for the progress line (`embedded @sparticuz/chromium (HeadlessChrome/147…)`). */
  label: string;
  /** Milliseconds it took to find and start the browser. */
  launchMs: number;
  /** Run `task` on the session's sandboxed page for `purpose`, one task per page at a time. */
  withPage: <T>(purpose: string, task: (page: SandboxedPage) => Promise<T>) => Promise<T>;
  /** Stop the browser; always kills the process, even after a crash or a hang. */
  close: () => Promise<void>;
}

export interface PrintSessionOptions {
  /** Browser executable from `--browser`; else `ZINE_BROWSER`, a system Chromium, or the embedded one. */
  browserPath?: string;
}

/** Start the browser once; pass the session to every render, `close()` it at the end. */
export async function openPrintSession(options: PrintSessionOptions = {}): Promise<PrintSession> {
  const started = performance.now();
  const resolved = await resolveBrowser(options.browserPath);
  const { browser, kill } = await launchBrowser(resolved);
  const label = `${resolved.source} (${await browser.version()})`;
  const pages = new Map<string, Promise<SandboxedPage>>();
  const queues = new Map<string, Promise<unknown>>();
  let closed = false;

  const pageFor = (purpose: string) => {
    let page = pages.get(purpose);
    if (!page) {
      // A window of its own: a background tab of the new headless mode is hidden, and Paged.js waits on animation frames there.
      page = browser.newPage({ type: 'window' }).then(sandboxPage);
      pages.set(purpose, page);
      page.catch(() => pages.delete(purpose));
    }
    return page;
  };

  // After each task, a full GC in its page: the last document is freed before the next render, else a watch
  // session's renderer grows by a laid-out book per rebuild. Queued behind the task, so callers do not wait for it.
  const collectGarbage = async (purpose: string) => {
    const page = await pages.get(purpose)?.catch(() => undefined);
    if (closed || !page || page.page.isClosed()) return;
    const devtools = await page.page.createCDPSession().catch(() => undefined);
    await devtools?.send('HeapProfiler.collectGarbage').catch(() => undefined);
    await devtools?.detach().catch(() => undefined);
  };

  return {
    browser,
    label,
    launchMs: Math.round(performance.now() - started),
    withPage(purpose, task) {
      if (closed) return Promise.reject(new Error('The print session is closed'));
      const previous = queues.get(purpose) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(async () => {
        const page = await pageFor(purpose);
        if (page.page.isClosed()) {
          pages.delete(purpose);
          return task(await pageFor(purpose));
        }
        // A wait that ran out leaves its work running in the page: close it, the next task gets a fresh one.
        return task(page).catch(async (error: unknown) => {
          if (error instanceof BrowserWaitError) {
            pages.delete(purpose);
            await page.page.close().catch(() => undefined);
          }
          throw error;
        });
      });
      queues.set(purpose, run.catch(() => undefined).then(() => collectGarbage(purpose)));
      return run;
    },
    async close() {
      closed = true;
      await kill();
    },
  };
}
