// The print document's fonts asked for without Chromium's first layout (font-requests.ts): the layout must be the one
// Chromium's own first layout leads to, on books in many scripts, and a face the requests miss must be noticed.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { loadBook, type Book } from '../scripts/manuscript/index.ts';
import { deferLayout } from '../scripts/print/font-requests.ts';
import { paginate, type Pagination } from '../scripts/print/paginate.ts';
import { preparePrintDocument, renderPrintPdf } from '../scripts/print/render.ts';
import { bookRoutes } from '../scripts/print/routes.ts';
import { copyFixture, PROJECT_DIR } from './helpers/fixture.ts';
import { sharePrintSession } from './helpers/print-session.ts';

const shared = sharePrintSession('zine-font-requests-');

/** `book` paginated with its fonts asked for (deferred) and after Chromium's own first layout. */
async function bothWays(book: Book): Promise<{ deferred: Pagination; plain: Pagination }> {
  const { document, cacheDir } = await preparePrintDocument(book, shared.cacheDir);
  const deferredHtml = deferLayout(document.html);
  assert.ok(deferredHtml, 'the print template has a </head>');
  const laidOut = (html: string, deferred: boolean) =>
    shared.session.withPage('print', async (sandboxed) => {
      const { routes, url } = bookRoutes(book, cacheDir, '.zine-print.html', html);
      sandboxed.setRoutes(routes, () => undefined);
      return paginate(sandboxed.page, url, [], deferred);
    });
  return { deferred: await laidOut(deferredHtml, true), plain: await laidOut(document.html, false) };
}

for (const manuscript of ['tests/fixtures/scripts', 'tests/corpus/art-of-command-line', 'tests/corpus/opensource-guide-zh']) {
  test(`${manuscript}: fonts asked for ahead give the pages Chromium's own first layout gives`, { timeout: 300_000 }, async () => {
    const { book } = await loadBook(path.join(PROJECT_DIR, manuscript));
    const { deferred, plain } = await bothWays(book!);
    assert.deepEqual(deferred.lateFonts, [], 'no face the text uses loaded during the layout');
    assert.equal(deferred.pages, plain.pages);
    assert.deepEqual(deferred.pageTexts, plain.pageTexts);
    assert.deepEqual(deferred.pageSections, plain.pageSections);
    assert.equal(deferred.lostText, null);
  });
}

test('a face only a counter draws (paragraphs numbered in italic Greek letters) loads during the layout, and is reported', { timeout: 300_000 }, async () => {
  const dir = copyFixture('minimal');
  mkdirSync(path.join(dir, 'templates/print'), { recursive: true });
  // The requests read a counter as the letters of its CSS, "counter(paragraph, lower-greek)": only layout draws α, β, γ.
  writeFileSync(path.join(dir, 'templates/print/theme.css'), 'section.chapter p { counter-increment: paragraph; }\nsection.chapter p::before { content: counter(paragraph, lower-greek) ". "; font-style: italic; }\n');
  const { book } = await loadBook(dir);
  const { deferred, plain } = await bothWays(book!);
  assert.ok(deferred.lateFonts.some((face) => /^Source Serif 4 italic /.test(face)), `late: ${deferred.lateFonts.join('; ')}`);
  assert.deepEqual(plain.lateFonts, []);
  // The render then lays the book out again after Chromium's own first layout: the plain pages.
  const pdf = await PDFDocument.load(await renderPrintPdf(book!, shared.session, { cacheDir: shared.cacheDir }));
  assert.equal(pdf.getPageCount(), plain.pages);
});
