// The watch's incremental PDF: after an edit only the chapters that changed are laid out again, and the PDF is the
// one a whole-book render gives: pages, text, destinations, links, outline and tags, page by page.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadBook } from '../scripts/manuscript/index.ts';
import { renderPrintPdf } from '../scripts/print/index.ts';
import { createIncrementalPrint, type IncrementalPrintReport } from '../scripts/print/incremental.ts';
import { copyFixture, SEED_DIR } from './helpers/fixture.ts';
import { pdfStructure } from './helpers/pdf-structure.ts';
import { sharePrintSession } from './helpers/print-session.ts';

const shared = sharePrintSession('zine-incremental-');

/** `text` with `word` after the first "the" of its body (past the title and its first paragraph). */
function inBody(text: string, word: string): string {
  const at = text.indexOf(' the ', text.indexOf('\n\n', text.indexOf('# ')) + 2);
  return `${text.slice(0, at)} the ${word} ${text.slice(at + 5)}`;
}

test('incremental PDF of the seed equals the whole-book PDF after edits that keep and that change page counts', { timeout: 600_000 }, async (t) => {
  const dir = copyFixture(SEED_DIR);
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
  // Links across chapters, both ways, so the spliced pages must link out and be linked to.
  edit('03-misinformation.md', (text) => `${text}\nSee also [the dead](05-remembering-the-dead.md) and [the interview](06-interview-almaty.md).\n`);
  edit('06-interview-almaty.md', (text) => `${text}\nBack to [the misinformation](03-misinformation.md).\n`);
  const render = createIncrementalPrint();
  let report: IncrementalPrintReport | undefined;
  const both = async () => {
    const { book } = await loadBook(dir);
    const options = { cacheDir: shared.cacheDir, onReport: (given: IncrementalPrintReport) => (report = given) };
    const incremental = await render(book!, shared.session, options);
    const whole = await renderPrintPdf(book!, shared.session, { cacheDir: shared.cacheDir });
    return { incremental: await pdfStructure(incremental), whole: await pdfStructure(whole) };
  };

  await t.test('the first render lays out the whole book', async () => {
    const { incremental, whole } = await both();
    assert.deepEqual(report?.laidOut, 'full');
    assert.deepEqual(incremental, whole);
  });

  await t.test('a word added in two chapters, one opening on a left-hand page, one on a right: those two are laid out again and spliced', async () => {
    edit('03-misinformation.md', (text) => inBody(text, 'wombat'));
    edit('04-a-spring-delayed.md', (text) => inBody(text, 'numbat'));
    const { incremental, whole } = await both();
    assert.deepEqual(report?.laidOut, [2, 3]);
    const opens = ['zine-chapter-misinformation', 'zine-chapter-a-spring-delayed'].map((id) => incremental.destinations[id]! % 2);
    assert.deepEqual(new Set(opens).size, 2, 'one on an even page, one on an odd one');
    assert.deepEqual(incremental, whole);
    assert.ok(incremental.text.some((page) => page.includes('wombat')) && incremental.text.some((page) => page.includes('numbat')));
    assert.ok(incremental.links.flat().some((link) => /^#zine-chapter-misinformation→\d+$/.test(link)), 'a link into a spliced chapter');
    assert.ok(incremental.tagPages.every((page, index) => page === index), 'one tagged element a page, in page order');
  });

  await t.test('a second edit splices into the document the first one left (kept in memory, not loaded again)', async () => {
    edit('06-interview-almaty.md', (text) => inBody(text, 'quokka'));
    const { incremental, whole } = await both();
    assert.deepEqual(report?.laidOut, [5]);
    assert.deepEqual(incremental, whole);
    assert.ok(['wombat', 'numbat', 'quokka'].every((word) => incremental.text.some((page) => page.includes(word))));
  });

  await t.test('a chapter grown by pages: the whole book is laid out again, later page numbers move', async () => {
    const before = (await pdfStructure(await renderPrintPdf((await loadBook(dir)).book!, shared.session, { cacheDir: shared.cacheDir }))).text.length;
    edit('03-misinformation.md', (text) => `${text}\n${'More words about misinformation and the uprising. '.repeat(60)}\n\n`.repeat(3));
    const { incremental, whole } = await both();
    assert.equal(report?.laidOut, 'full');
    assert.match(report?.reason ?? '', /page count of chapter 3 changed/);
    assert.ok(whole.text.length > before, `${before} → ${whole.text.length} pages`);
    assert.deepEqual(incremental, whole);
  });

  await t.test('nothing changed: the last PDF, nothing laid out', async () => {
    const { incremental, whole } = await both();
    assert.deepEqual(report?.laidOut, []);
    assert.deepEqual(incremental, whole);
  });
});
