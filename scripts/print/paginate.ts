// Load the print document in a sandboxed page and let Paged.js lay it out into pages, once every font is in.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { bounded, browserWaits } from './browser-wait.ts';
import { FIGURE_MIN_SCALE } from './page-style.ts';
import { registerPagedHandlers } from './paged-handlers.ts';
import { readLaidOutPageTexts } from './pdf-text-check.ts';
import { findLostText, readSourceText, type LostText, type SourceText } from './text-check.ts';
import { DEFERRED_LAYOUT_ID, fontRequests, loadFonts, readTextStyles } from './font-requests.ts';
import { inPageCall, NAME_HELPER } from './in-page.ts';

const require = createRequire(import.meta.url);
// The package exports no path to its polyfill build: find it beside the CommonJS entry (lib/index.cjs).
const PAGED_POLYFILL = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
let pagedSource: Promise<string> | undefined;

/** Where an element landed: 0-based page index, and its top left corner in points from the page's top left. */
export interface AnchorPlace {
  page: number;
  top: number;
  left: number;
}

export interface Pagination {
  pages: number;
  /** Paged.js's own layout time, in milliseconds. */
  layoutMs: number;
  /** The place of each requested element id that is in the document. */
  anchors: Map<string, AnchorPlace>;
  /** Text of the document the pages do not show (Paged.js dropped it, or left it beyond a page's edge), if any. */
  lostText: LostText | null;
  /** Time the lost-text check took, in milliseconds. */
  checkMs: number;
  /** The text each laid-out page shows, for the check of the printed PDF. */
  pageTexts: string[];
  /** Faces that loaded only while Paged.js laid out (a deferred body's requests missed them): its measures may be wrong. */
  lateFonts: string[];
  /** The id of the chapter section on each page (null for the cover, contents and blank pages). */
  pageSections: (string | null)[];
}

/**
 * Open `url` and paginate it; `deferred` when its body is kept from layout (font-requests.ts). Paged.js is injected over the DevTools protocol, not by a `<script>`: the page's CSP
 * forbids every script, so the manuscript cannot run any, while ours is not subject to it.
 */
export async function paginate(page: Page, url: string, anchorIds: readonly string[] = [], deferred = false): Promise<Pagination> {
  pagedSource ??= readFile(PAGED_POLYFILL, 'utf8');
  const response = await bounded(page.goto(url, { waitUntil: 'load', timeout: 0 }), browserWaits.load('print'));
  if (!response?.ok()) throw new Error(`The print document did not load (${response?.status() ?? 'no response'})`);
  // Measure with real metrics only: every face the text needs is loaded before Paged.js starts. A deferred body asks
  // for them itself (font-requests.ts); else the first, unpaginated layout has requested each.
  let checkMs = 0;
  const characters = await bounded(deferred ? requestFonts(page) : page.evaluate(() => document.fonts.ready.then(() => document.body.textContent!.length)), browserWaits.fonts());
  await page.evaluate('window.PagedConfig = { auto: false };');
  await page.evaluate(await pagedSource);
  await page.evaluate(preloadOnlyUsedFonts);
  await page.evaluate(registerPagedHandlers, { figureMinScale: FIGURE_MIN_SCALE });
  // One evaluation from showing the body to Paged.js taking it: no frame in between lays the whole book out.
  const result = await bounded(
    page.evaluate(`(async () => {
      ${NAME_HELPER}
      document.getElementById(${JSON.stringify(DEFERRED_LAYOUT_ID)})?.remove();
      const checkStarted = performance.now();
      window.__zineSourceText = (${readSourceText})();
      const checkMs = performance.now() - checkStarted;
      const unloaded = [...document.fonts].filter((face) => face.status === 'unloaded');
      const flow = await new window.Paged.Previewer().preview();
      (${numberContents})();
      await document.fonts.ready;
      const lateFonts = unloaded.filter((face) => face.status !== "unloaded").map((face) => [face.family, face.style, face.weight, face.unicodeRange].join(' '));
      return { pages: flow.total, layoutMs: Math.round(flow.performance), checkMs, lateFonts };
    })()`) as Promise<{ pages: number; layoutMs: number; checkMs: number; lateFonts: string[] }>,
    browserWaits.layout(characters),
  );
  checkMs += result.checkMs;
  const checkStarted = performance.now();
  const source = await page.evaluateHandle(() => (window as unknown as { __zineSourceText: SourceText }).__zineSourceText);
  const lostText = await bounded(page.evaluate(findLostText, source), browserWaits.check());
  const pageTexts = await bounded(page.evaluate(readLaidOutPageTexts), browserWaits.check());
  await source.dispose();
  checkMs += performance.now() - checkStarted;
  await page.evaluate(nameFootnotesByNumber);
  const anchors = await page.evaluate(locateAnchors, [...anchorIds]);
  const pageSections = await page.evaluate(readPageSections);
  return { pages: result.pages, layoutMs: result.layoutMs, lateFonts: result.lateFonts, anchors: new Map(anchors), lostText, checkMs: Math.round(checkMs), pageTexts, pageSections };
}

/** Load the faces a deferred body's text needs (font-requests.ts); returns how many characters it has. */
async function requestFonts(page: Page): Promise<number> {
  const { characters, styles } = (await page.evaluate(inPageCall(readTextStyles))) as ReturnType<typeof readTextStyles>;
  await page.evaluate(inPageCall(loadFonts, await fontRequests(styles)));
  return characters;
}

/**
 * Paged.js preloads every @font-face before laying out; with unicode-range subsets that is every file of the CJK
 * font (~200 requests through the sandbox, half the layout time, on every render). The first layout has already
 * requested each subset the text uses, and `fonts.ready` waited for them: Paged.js waits for those instead.
 */
function preloadOnlyUsedFonts() {
  (window as unknown as { Paged: { Chunker: { prototype: { loadFonts: () => Promise<unknown> } } } }).Paged.Chunker.prototype.loadFonts = () => document.fonts.ready;
}

/** The page and position of each id, read from the laid-out pages (CSS pixels are 3/4 of a point). */
function locateAnchors(ids: string[]): [string, AnchorPlace][] {
  return ids.flatMap((id): [string, AnchorPlace][] => {
    const element = document.getElementById(id);
    const sheet = element?.closest<HTMLElement>('.pagedjs_page');
    if (!element || !sheet) return [];
    const box = element.getBoundingClientRect();
    const pageBox = sheet.getBoundingClientRect();
    return [[id, { page: Number(sheet.dataset.pageNumber) - 1, top: (box.top - pageBox.top) * 0.75, left: (box.left - pageBox.left) * 0.75 }]];
  });
}

/** Which chapter each page shows: a section Paged.js split keeps its `data-ref`, its first piece its id. */
function readPageSections(): (string | null)[] {
  return [...document.querySelectorAll<HTMLElement>('.pagedjs_page')].map((sheet) => {
    const section = sheet.querySelector<HTMLElement>('section.chapter');
    if (!section) return null;
    return section.id || document.querySelector<HTMLElement>(`section.chapter[data-ref="${section.dataset.ref}"][id]`)?.id || null;
  });
}

/**
 * Each contents entry gets the page number its chapter landed on (print.css shows it), the page counter computed as
 * Paged.js does, once for all the pages.
 */
function numberContents() {
  const numbers = new Map<Element, number>();
  let number = 0;
  for (const page of document.querySelectorAll('.pagedjs_page')) {
    const style = getComputedStyle(page);
    const reset = /(?:^|\s)page (-?\d+)/.exec(style.counterReset);
    const increment = /(?:^|\s)page (-?\d+)/.exec(style.counterIncrement);
    if (reset) number = Number(reset[1]);
    if (increment) number += Number(increment[1]);
    numbers.set(page, number);
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.pagedjs_pages .contents a[href^="#"][data-page]')) {
    const page = document.getElementById(decodeURIComponent(link.hash.slice(1)))?.closest('.pagedjs_page');
    link.dataset.page = page ? String(numbers.get(page)) : '';
  }
}

/**
 * Paged.js names each footnote `note-<random uuid>`, which would end up in the PDF's link destinations: rename them
 * after the book's note numbers (reproducible output), and the calls' links with them (each call shows its number
 * from the start: paged-handlers.ts).
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
  }
}
