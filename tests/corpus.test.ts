// Real texts (tests/corpus/, sources and licences in its README) built end to end, checked by invariants that hold for any manuscript.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { toString as hastToString } from 'hast-util-to-string';
import { labelsFor } from '../scripts/languages/index.ts';
import type { Book } from '../scripts/manuscript/book.ts';
import { loadBook } from '../scripts/manuscript/index.ts';
import { buildBook, contentsTitles, deadEpubLinks, deadHtmlLinks, deadPdfLinks, foldText, htmlScrollWidths, problemLines, words, type BuiltBook } from './helpers/book-outputs.ts';
import { ace, seriousFindings, type AceFinding } from './helpers/ace.ts';
import { describeProblems, epubcheck, type EpubCheckReport } from './helpers/epubcheck.ts';
import { PROJECT_DIR, runZine } from './helpers/fixture.ts';
import { sharePrintSession } from './helpers/print-session.ts';

const CORPUS = path.join(PROJECT_DIR, 'tests/corpus');
const TEXTS = readdirSync(CORPUS).filter((name) => existsSync(path.join(CORPUS, name, 'zine.yaml')));
const shared = sharePrintSession('zine-corpus-test-');

/** The PDF's text in reading order without page furniture (heads and folios in the margins), compacted for search. */
function pdfText(built: BuiltBook): string {
  const text = built.pdf.pages
    .map((page) => page.lines.filter((line) => line.y < page.height - 42 && line.y > 50).map((line) => line.text).join('\n'))
    .join('\n');
  return compact(text.replace(/[-\u2010\u00ad]\n/g, ''));
}

function compact(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}\p{M}]+/gu, '');
}

/** Each block of a note after its first: what must start a line of its own at the page foot. */
function laterNoteBlocks(book: Book): string[] {
  return book.chapters.flatMap((chapter) =>
    chapter.notes.flatMap((note) => note.content.filter((node): node is Element => node.type === 'element').slice(1).map((block) => words(hastToString(block)).slice(0, 2).join(''))),
  );
}

for (const name of TEXTS) {
  describe(name, () => {
    const dir = path.join(CORPUS, name);
    let built: BuiltBook;
    let book: Book;
    let report: Promise<EpubCheckReport>;
    let accessibility: Promise<AceFinding[]>;

    before(async () => {
      built = await buildBook(dir);
      book = (await loadBook(dir)).book!;
      // EPUBCheck (a JVM) and Ace (a browser) run while the next text builds.
      report = epubcheck(built.epubBytes);
      report.catch(() => undefined);
      accessibility = ace(built.epubBytes);
      accessibility.catch(() => undefined);
    });

    test('builds (exit 0); zine check reports every problem the build reports, at the same places', () => {
      assert.equal(built.status, 0, built.stderr);
      assert.deepEqual(problemLines(runZine(['check', dir], path.dirname(dir)).stderr), built.problems);
    });

    test('no text lost: every word of the manuscript is in the PDF text layer', () => {
      const printed = pdfText(built);
      const text = book.chapters.map((chapter) => hastToString(h('div', [...(chapter.tree.children as ElementContent[]), ...chapter.notes.flatMap((note) => note.content)]))).join('\n');
      const missing = [...new Set(words(text))].filter((word) => !printed.includes(word));
      assert.deepEqual(missing, []);
    });

    test('every in-book link resolves in every output', () => {
      assert.deepEqual(deadHtmlLinks(built.html), []);
      assert.deepEqual(deadEpubLinks(built.epub), []);
      assert.deepEqual(deadPdfLinks(built), []);
    });

    test('poppler reads the PDF without a complaint (no destination name past the 127-byte limit)', () => {
      assert.equal(built.popplerComplaints, '');
    });

    test('EPUBCheck: 0 fatals, 0 errors, 0 warnings', async () => {
      const { checker, ...rest } = await report;
      assert.deepEqual([checker.nFatal, checker.nError, checker.nWarning], [0, 0, 0], describeProblems({ checker, ...rest }));
    });

    test('Ace by DAISY: no serious or critical accessibility finding in the EPUB', async () => {
      assert.deepEqual(seriousFindings(await accessibility), []);
    });

    test('contents entries are the chapter titles in every output (no PDF contents page for one chapter)', () => {
      const titles = book.chapters.map((chapter) => chapter.title);
      const { epub, html } = contentsTitles(built);
      assert.deepEqual(epub, titles);
      assert.deepEqual(html, titles);
      const label = labelsFor(book.config.lang, book.config.labels).contents;
      const contents = built.pdf.pages.find((page) => page.lines.some((line) => line.text.trim() === label));
      // A book of one chapter spends no page on a contents that would list it alone.
      if (titles.length === 1) return assert.equal(contents, undefined, `a one-chapter book has no PDF page titled “${label}”`);
      assert.ok(contents, `a PDF page is titled “${label}”, the book's language's word for the contents`);
      const printed = compact(contents!.lines.map((line) => line.text).join('\n'));
      for (const title of titles) assert.ok(printed.includes(compact(title)), `PDF contents list “${title}”`);
    });

    test('notes keep their blocks at the page foot; no line runs past the trim', () => {
      const lineStarts = built.pdf.pages.flatMap((page) => page.lines.map((line) => compact(line.text)));
      for (const block of laterNoteBlocks(book)) assert.ok(lineStarts.some((line) => line.startsWith(block) || line.replace(/^\d+/, '').startsWith(block)), `a note's block “${block}” starts a line`);
      for (const [index, page] of built.pdf.pages.entries()) for (const line of page.lines) assert.ok(line.right <= page.width + 0.5, `page ${index + 1}: “${line.text}” ends at ${line.right.toFixed(1)} of ${page.width}`);
    });

    test('the HTML edition never scrolls sideways at 320 or 390 px', async () => {
      const widths = await htmlScrollWidths(shared.session.browser, built.htmlPath, [320, 390]);
      assert.deepEqual([...widths], [[320, 320], [390, 390]]);
    });
  });
}
