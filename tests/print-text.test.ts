// No lost text in print: long and repetitive paragraphs print whole, and the guard refuses a layout that lacks text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { h } from 'hastscript';
import type { Book } from '../scripts/manuscript/book.ts';
import { loadBook } from '../scripts/manuscript/index.ts';
import { renderPrintPdf, type PrintTimings } from '../scripts/print/index.ts';
import { findLostText, lostTextMessage, readSourceText } from '../scripts/print/text-check.ts';
import { sharePrintSession } from './helpers/print-session.ts';
import { oneChapterBook } from './helpers/one-chapter-book.ts';
import { copyFixture } from './helpers/fixture.ts';
import { openPdf, readPdfText } from './pdf-text.ts';

const shared = sharePrintSession('zine-print-text-');

/**
 * The PDF's text without running heads and folios (so a word broken across pages reads whole), whitespace, soft
 * hyphens or the hyphens Paged.js adds at a page break.
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pages = await readPdfText(bytes);
  const furniture = (text: string) => /^\s*(\d+|The First Chapter)\s*$/.test(text);
  return pages.map((page) => page.items.flatMap((item) => (furniture(item.text) ? [] : [item.text])).join('')).join('').replace(/[\s\u00ad\u2011-]+/g, '');
}

/** The minimal fixture with `text` as its first chapter (no notes, whose text would interrupt a page's in the PDF). */
async function loadWithChapter(text: string): Promise<Book> {
  const dir = copyFixture('minimal');
  writeFileSync(path.join(dir, '01-first.md'), `# The First Chapter\n\n${text}\n`);
  const { book } = await loadBook(dir);
  return book!;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('long paragraphs', () => {
  test('one sentence repeated 3000 times (75,000 characters: repetitive, and more than one text node) prints whole', async () => {
    const book = await loadWithChapter('Long text to fill pages. '.repeat(3000));
    const text = await pdfText(await renderPrintPdf(book, shared.session, { cacheDir: shared.cacheDir }));
    assert.equal(count(text, 'Longtexttofillpages.'), 3000);
  });

  test('words hyphenated across page breaks keep every letter', async () => {
    const words = ['extraordinary', 'internationalisation', 'responsibilities', 'administrative', 'misunderstanding'];
    const sentence = Array.from({ length: 40 }, (_, index) => words[index % words.length]).join(' ');
    const book = await loadWithChapter(Array.from({ length: 60 }, () => `${sentence}.`).join('\n\n'));
    let timings: PrintTimings | undefined;
    const text = await pdfText(await renderPrintPdf(book, shared.session, { cacheDir: shared.cacheDir, onTimings: (value) => (timings = value) }));
    assert.ok(timings!.pages > 10, `${timings!.pages} pages`);
    for (const word of words) assert.equal(count(text, word), 60 * 8, word);
  });
});

test('a closed <details> prints open: paper cannot be clicked', async () => {
  const book = await loadWithChapter('<details><summary>More</summary>\n\nHidden text inside details.\n\n</details>\n\nAfter details.');
  const text = await pdfText(await renderPrintPdf(book, shared.session, { cacheDir: shared.cacheDir }));
  assert.match(text, /MoreHiddentextinsidedetails\.Afterdetails\./);
});

describe('the lost-text guard', () => {
  const sourceHtml = `<section id="zine-chapter-one"><h1>One</h1><p>Alpha beta gamma.<span class="footnote">A note.</span></p><p>Delta epsilon zeta eta theta.</p></section><script>never shown</script>`;
  const pageHtml = (body: string, notes = 'A note.', style = '') =>
    `<div class="pagedjs_page"><div class="pagedjs_pagebox" style="position:relative;width:400px;height:600px;overflow:hidden">` +
    `<div class="pagedjs_area"><div class="pagedjs_page_content"><section data-id="zine-chapter-one"><p style="${style}">${body}</p></section></div>` +
    `<div class="pagedjs_footnote_area"><span class="footnote">${notes}</span></div></div></div></div>`;

  async function check(laidOut: string) {
    const page = await shared.session.browser.newPage();
    try {
      await page.setContent(sourceHtml);
      const source = await page.evaluateHandle(readSourceText);
      await page.evaluate((html) => (document.body.innerHTML = html), laidOut);
      return await page.evaluate(findLostText, source);
    } finally {
      await page.close();
    }
  }

  test('passes pages that show all the text, however lines and hyphens fall', async () => {
    assert.equal(await check(pageHtml('One Alpha beta gam\u00adma. Del\u2011') + pageHtml('ta epsilon zeta eta theta.', '')), null);
  });

  test('finds text the pages lack, with its chapter and an excerpt from where it is missing', async () => {
    assert.deepEqual(await check(pageHtml('One Alpha beta gamma. Delta epsilon')), {
      kind: 'missing',
      section: 'zine-chapter-one',
      excerpt: 'zeta eta theta.',
      characters: 13,
    });
    assert.equal((await check(pageHtml('One Alpha beta gamma. Delta epsilon zeta eta theta.', '')))?.section, 'notes');
  });

  test('finds text beyond the edge of its page', async () => {
    const lost = await check(pageHtml('One Alpha beta gamma. Delta epsilon zeta eta theta.', 'A note.', 'position:absolute;left:450px'));
    assert.equal(lost?.kind, 'off-page');
    assert.equal(lost?.page, 1);
    assert.equal(lost?.section, 'zine-chapter-one');
  });

  test('refuses to render a PDF whose text runs off the page, naming the chapter and its file', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'zine-print-lost-'));
    try {
      const tree = { type: 'root' as const, children: [h('h1', 'Lost'), h('p', { style: 'white-space: nowrap' }, 'A line that cannot wrap. '.repeat(40))] };
      const book = oneChapterBook(root, 'lost', 'Lost', tree);
      await assert.rejects(renderPrintPdf(book, shared.session, { cacheDir: shared.cacheDir }), /lost text.*characters of chapter "Lost" \(lost\.md\) run off page 2, from "[^"]*cannot wrap.*not written/);
      assert.match(lostTextMessage({ kind: 'missing', section: 'zine-chapter-lost', excerpt: 'some words', characters: 9 }, book), /9 characters of chapter "Lost" \(lost\.md\) are missing from the pages, from "some words…"/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

test('a link to a Japanese heading works in the PDF, whose destination names stay within the 127-byte limit', async () => {
  const dir = copyFixture('minimal');
  const heading = 'ファイルとデータの処理についての大切な注意';
  writeFileSync(path.join(dir, '02-second.md'), `---\nlang: ja\n---\n\n# 第二章\n\n[処理を見よ](#${heading})\n\n\\newpage\n\n## ${heading}\n\n本文。\n`);
  const { book } = await loadBook(dir);
  const bytes = await renderPrintPdf(book!, shared.session, { cacheDir: shared.cacheDir });
  const file = path.join(dir, 'out.pdf');
  writeFileSync(file, bytes);
  assert.equal(spawnSync('pdftotext', [file, '/dev/null'], { encoding: 'utf8' }).stderr, '');
  const pdf = await openPdf(bytes);
  const destinations = await pdf.getDestinations();
  const links: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    for (const annotation of await (await pdf.getPage(number)).getAnnotations()) if (annotation.subtype === 'Link' && typeof annotation.dest === 'string') links.push(annotation.dest);
  }
  const pageOf = async (name: string) => pdf.getPageIndex((destinations[name] as [{ num: number; gen: number }])[0]);
  const headingPage = (await readPdfText(bytes)).findIndex((page) => page.items.some((item) => item.text.includes('ファイルとデータ')));
  const targets = await Promise.all(links.filter((name) => destinations[name]).map(pageOf));
  assert.ok(targets.includes(headingPage), `links to pages ${targets}, the heading is on ${headingPage}`);
  await pdf.destroy();
});
