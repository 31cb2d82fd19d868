// Every wait on the browser is bounded: when one runs out, the error says what was awaited and what to try.

/** A wait on the browser that ran out; the page it ran in is no longer usable (the session replaces it). */
export class BrowserWaitError extends Error {}

export interface BrowserWait {
  /** What did not happen, as a clause: "the page's fonts did not load". */
  what: string;
  /** How long it may take, in milliseconds. */
  ms: number;
  /** What to try. */
  hint: string;
}

const REPORT = 'if it persists, run `zine doctor` and report its output with the manuscript';

/** The waits of a render, fitted to the work: layout and printing grow with the document. */
export const browserWaits = {
  launch: (source: string): BrowserWait => ({
    what: `the browser (${source}) did not start`,
    ms: 30_000,
    hint: 'try another with --browser PATH or ZINE_BROWSER',
  }),
  load: (name: string): BrowserWait => ({ what: `the ${name} page did not load`, ms: 30_000, hint: `the machine may be overloaded; ${REPORT}` }),
  fonts: (): BrowserWait => ({
    what: "the page's fonts did not load",
    ms: 30_000,
    hint: `a font file may be missing or unreadable: reinstall with \`npm ci\`; ${REPORT}`,
  }),
  layout: (characters: number): BrowserWait => ({
    what: 'Paged.js did not finish laying out the pages',
    ms: 60_000 + Math.ceil(characters / 1000) * 100,
    hint: `a very long chapter, table or unbreakable block may keep it searching for a page break: split it; ${REPORT}`,
  }),
  print: (pages: number): BrowserWait => ({
    what: 'Chromium did not print the PDF',
    ms: 60_000 + pages * 250,
    hint: `very large images slow printing down: try smaller ones; ${REPORT}`,
  }),
  screenshot: (): BrowserWait => ({ what: 'the cover image was not captured', ms: 30_000, hint: REPORT }),
  check: (): BrowserWait => ({ what: 'the laid-out pages could not be read back', ms: 60_000, hint: REPORT }),
};

/** "X did not happen within N s: what to try." */
export function waitMessage(wait: BrowserWait): string {
  return `${wait.what} within ${Math.round(wait.ms / 1000)} s: ${wait.hint}.`;
}

/** `work`, or a BrowserWaitError when it takes longer than `wait.ms`. */
export async function bounded<T>(work: Promise<T>, wait: BrowserWait): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new BrowserWaitError(waitMessage(wait))), wait.ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
