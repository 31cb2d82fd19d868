// Load the print document in a sandboxed page and let Paged.js lay it out into pages, once every font is in.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'puppeteer';

const require = createRequire(import.meta.url);
// The package exports no path to its polyfill build: find it beside the CommonJS entry (lib/index.cjs).
const PAGED_POLYFILL = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
let pagedSource: Promise<string> | undefined;

export interface Pagination {
  pages: number;
  /** Paged.js's own layout time, in milliseconds. */
  layoutMs: number;
}

/**
 * Open `url` and paginate it. Paged.js is injected over the DevTools protocol, not by a `<script>`: the page's CSP
 * forbids every script, so the manuscript cannot run any, while ours is not subject to it.
 */
export async function paginate(page: Page, url: string): Promise<Pagination> {
  pagedSource ??= readFile(PAGED_POLYFILL, 'utf8');
  const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (!response?.ok()) throw new Error(`The print document did not load (${response?.status() ?? 'no response'})`);
  // Every face the text needs has been requested by the first (unpaginated) layout; measure with real metrics only.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate('window.PagedConfig = { auto: false };');
  await page.evaluate(await pagedSource);
  const result = await page.evaluate(async () => {
    const { Previewer } = (window as unknown as { Paged: { Previewer: new () => { preview: () => Promise<{ total: number; performance: number }> } } }).Paged;
    const flow = await new Previewer().preview();
    await document.fonts.ready;
    return { pages: flow.total, layoutMs: Math.round(flow.performance) };
  });
  await page.evaluate(nameFootnotesByNumber);
  return result;
}

/**
 * Paged.js names each footnote `note-<random uuid>`, which would end up in the PDF's link destinations: rename them
 * after the book's note numbers (reproducible output) and give each call its number, which print.css shows.
 */
function nameFootnotesByNumber() {
  const numbers = new Map<string, string>();
  for (const note of document.querySelectorAll<HTMLElement>('[data-note="footnote"][data-note-number]')) {
    const number = note.dataset.noteNumber!;
    numbers.set(note.dataset.ref!, number);
    if (note.dataset.splitFrom) note.removeAttribute('id');
    else note.id = `zine-note-${number}`;
  }
  for (const call of document.querySelectorAll<HTMLAnchorElement>('a[data-footnote-call]')) {
    const number = numbers.get(call.dataset.footnoteCall!);
    if (!number) continue;
    call.setAttribute('href', `#zine-note-${number}`);
    call.dataset.noteNumber = number;
  }
}
