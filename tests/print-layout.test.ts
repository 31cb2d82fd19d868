// The seed's print design: a typographic cover, contents numbers on their entry's last line, upright running heads,
// and a chapter-ending figure kept with the chapter's last lines rather than alone on a page after a hole it could fill.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { lengthToPoints } from '../scripts/config/length.ts';
import { loadBook } from '../scripts/manuscript/index.ts';
import type { Book } from '../scripts/manuscript/book.ts';
import { readPdfFacts } from '../scripts/preflight/read-pdf.ts';
import { coverDate } from '../scripts/print/cover-content.ts';
import { openPrintSession, renderPrintPdf, type PrintSession } from '../scripts/print/index.ts';
import { FIGURE_MIN_SCALE, pageGeometry } from '../scripts/print/page-style.ts';
import { copyFixture, SEED_DIR } from './helpers/fixture.ts';
import { textWithFonts, type FontedItem } from './helpers/pdf-fonts.ts';

let session: PrintSession;
let cacheDir: string;
let items: FontedItem[];
let pdf: Uint8Array;
let book: Book;
before(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'zine-print-layout-'));
  session = await openPrintSession();
  book = (await loadBook(SEED_DIR)).book!;
  pdf = await renderPrintPdf(book, session, { cacheDir });
  items = await textWithFonts(pdf);
});
after(async () => {
  await session?.close();
  await rm(cacheDir, { recursive: true, force: true });
});

const onPage = (page: number) => items.filter((item) => item.page === page);
/** The first page after the contents that shows `text`. */
const pageOf = (text: string) => items.find((item) => item.page > 2 && item.text.replace(/\u00ad/g, '').includes(text))?.page;

test('the cover: title and subtitle at the head, the month of publication at the foot, no page number', () => {
  const cover = onPage(1);
  const title = cover.find((item) => item.text.includes('Kazakhstan after'))!;
  const subtitle = cover.find((item) => item.text.includes('Analysis from Russian Anarchists'))!;
  const date = cover.find((item) => item.text === 'January 2022')!;
  assert.ok(title && subtitle && date, JSON.stringify(cover.map((item) => item.text)));
  assert.match(title.font, /SourceSerif4-Bold/);
  assert.ok(title.y > subtitle.y && subtitle.y > 400, 'title above subtitle, in the upper part');
  assert.equal(Math.min(...cover.map((item) => item.y)), date.y, 'the date is the lowest line');
  assert.ok(cover.some((item) => /[采访]/.test(item.text) && /NotoSerifSC/.test(item.font)), 'the Chinese of the subtitle in Noto Serif SC');
});

test('the publication month is written the way the book’s language writes it', () => {
  assert.equal(coverDate('2022-01-13', 'en'), 'January 2022');
  assert.equal(coverDate('2022-01-13', 'zh-Hans'), '2022年1月');
  assert.equal(coverDate('2022-12-31', 'not a language!'), 'December 2022');
});

test('a contents entry that wraps has its page number on its last line; numbers all in the Latin face', () => {
  const contents = onPage(2);
  const lastLine = contents.find((item) => item.text.includes('Misinformation about the Uprising'))!;
  const number = contents.find((item) => item.text === String(pageOf('Wahhabis, Terrorists, Protesters')))!;
  assert.ok(lastLine && number, JSON.stringify(contents.map((item) => item.text)));
  assert.ok(Math.abs(lastLine.y - number.y) < 1, `number at ${number.y}, last line at ${lastLine.y}`);
  const numbers = contents.filter((item) => /^\d+$/.test(item.text));
  assert.ok(numbers.length >= 7);
  for (const item of numbers) assert.match(item.font, /SourceSerif4/, `${item.text} in ${item.font}`);
});

test('a theme’s target-counter() finds its targets though finished pages leave the document during layout', async () => {
  const dir = copyFixture(SEED_DIR);
  mkdirSync(path.join(dir, 'templates/print'), { recursive: true });
  writeFileSync(path.join(dir, 'templates/print/theme.css'), '.contents a::after { content: "p" target-counter(attr(href), page) "=" attr(data-page); }\n');
  const themed = await textWithFonts(await renderPrintPdf((await loadBook(dir)).book!, session, { cacheDir }));
  const pairs = [...themed.filter((item) => item.page === 2).map((item) => item.text).join(' ').matchAll(/p(\d+)=(\d+)/g)];
  assert.equal(pairs.length, book.chapters.length, JSON.stringify(pairs.map((pair) => pair[0])));
  for (const [text, target, page] of pairs) assert.equal(target, page, text);
  // Chapters well past the pages kept in the document at the end of the contents' layout.
  assert.ok(Number(pairs.at(-1)![2]) > 10);
});

test('running heads are upright, in English and in Chinese chapters', () => {
  const heads = items.filter((item) => item.page > 2 && item.y > 560 && !/^\d+$/.test(item.text));
  assert.ok(heads.length > 10);
  for (const head of heads) assert.doesNotMatch(head.font, /Italic/, `page ${head.page}: "${head.text}" in ${head.font}`);
});

test('a figure that ends a chapter stays with its last lines, scaled down, unless even scaled it could not fill the hole', async () => {
  const captionAt = items.findIndex((item) => item.page > 2 && item.text.includes('The burned-out shell'));
  // The chapter's last words, "…with the invasion of Afghanistan in 1979.", wherever the line breaks fall.
  const lastWords = items.slice(0, captionAt).filter((item) => item.text.endsWith('1979.')).pop();
  assert.ok(captionAt > 0 && lastWords);
  const [lastLines, caption] = [lastWords.page, items[captionAt]!.page];
  if (caption === lastLines) return;
  // The browser's line breaks can leave the chapter's text ending near a page foot: then the figure may start the
  // next page, but only when the room left could not hold it at FIGURE_MIN_SCALE with its caption.
  assert.equal(caption, lastLines + 1, 'the figure follows on the next page at most');
  const { pages } = await readPdfFacts(pdf);
  const { margins } = pageGeometry(book.config.print);
  const body = (page: number) => pages[page - 1]!.texts.filter((text) => text.box.bottom >= margins.bottom - 1);
  const [image] = pages[caption - 1]!.images;
  assert.ok(image, `page ${caption} shows the figure's image`);
  const captionBottom = Math.min(...body(caption).filter((text) => text.box.top <= image.box.bottom + 1).map((text) => text.box.bottom));
  // print.css: a figure's top margin is 1em of the body type.
  const needed = lengthToPoints(book.config.print.fontSize)! + (image.box.top - image.box.bottom) * FIGURE_MIN_SCALE + (image.box.bottom - captionBottom);
  const room = Math.min(...body(lastLines).map((text) => text.box.bottom)) - margins.bottom;
  assert.ok(room < needed, `${room.toFixed(0)} pt left on page ${lastLines}, the scaled figure needs ${needed.toFixed(0)} pt`);
});
