// Structure a real text needs, in every output: note blocks, chapter titles and running heads, links, ids, raw figures, tables, phone width.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { selectAll } from 'hast-util-select';
import { describeProblems, epubcheck } from './helpers/epubcheck.ts';
import { toString } from 'hast-util-to-string';
import { elements, textOf } from './helpers/epub-reader.ts';
import { buildBook, contentsTitles, deadEpubLinks, deadHtmlLinks, deadPdfLinks, htmlScrollWidths, problemLines, type BuiltBook, type PdfPage } from './helpers/book-outputs.ts';
import { copyFixture, runZine } from './helpers/fixture.ts';
import { sharePrintSession } from './helpers/print-session.ts';

const TITLES = ['Handbook Introduction', 'Scope of Work', 'Untitled part', 'Edición en español'];
const shared = sharePrintSession('zine-structure-test-');
let book: BuiltBook;
let dir: string;

before(async () => {
  dir = copyFixture('real-structure');
  book = await buildBook(dir);
});

/** The running head: the text in the top margin (A6, 15 mm). */
const head = (page: PdfPage) => page.lines.filter((item) => item.y > page.height - 42).map((item) => item.text).join(' ').trim();
const lineWith = (page: PdfPage, text: string) => page.lines.find((line) => line.text.includes(text));

test('build succeeds; manuscript problems are reported at their place, and zine check reports the same', () => {
  assert.equal(book.status, 0, book.stderr);
  const expected = [
    'manuscript/README.md:5:46  warning  Link `#no-such-place` points to no heading or id in the book: its text is kept without the link  dead-link',
    'manuscript/docs/02-scope.md:10:1  warning  The id `twice` is used twice in this chapter: the second one is dropped, links go to the first  duplicate-id',
    'manuscript/docs/02-scope.md:30:78  warning  Remote image `https://example.com/badge.svg` is left out: copy the file into the manuscript folder  remote-image',
    'manuscript/03-untitled_part.md:1:1  warning  Chapter has no heading: its file name is used as its title  missing-heading',
  ];
  assert.deepEqual(book.problems, expected);
  assert.deepEqual(problemLines(runZine(['check', dir], `${dir}/..`).stderr), expected);
});

describe('chapter titles', () => {
  test('contents in every output are the chapter titles: front matter, else the highest heading, else the file name', () => {
    const { epub, html } = contentsTitles(book);
    assert.deepEqual(epub, TITLES);
    assert.deepEqual(html, TITLES);
    const contentsPage = book.pdf.pages.findIndex((page) => page.items.some((item) => item.text === 'Contents'));
    const printed = book.pdf.pages[contentsPage]!.lines.map((line) => line.text);
    for (const title of TITLES) assert.ok(printed.some((text) => text.includes(title)), `PDF contents list ${title}`);
  });

  test('each chapter page after the opening has its own chapter title as running head, never the previous one', () => {
    const starts = ['readme', 'scope', 'untitledpart', 'readme-es'].map((id) => book.pdf.dests.get(`zine-chapter-${id}`)!);
    const checked: number[] = [];
    starts.forEach((start, index) => {
      const end = starts[index + 1] ?? book.pdf.pages.length;
      assert.equal(head(book.pdf.pages[start]!), '', `no head on the opening page of ${TITLES[index]}`);
      for (let page = start + 1; page < end; page++) {
        if (book.pdf.pages[page]!.items.length <= 1) continue; // a blank page before a right-hand start
        assert.equal(head(book.pdf.pages[page]!), TITLES[index], `page ${page + 1}`);
        checked.push(index);
      }
    });
    assert.ok(checked.includes(0) && checked.includes(2), 'the long chapters (one with a second # heading, one with none) run over several pages');
  });

  test('chapters sharing a title are warned about, at the title', () => {
    const same = copyFixture('real-structure');
    writeFileSync(`${same}/README-es.md`, '# Handbook Introduction\n\nText.\n');
    const lines = problemLines(runZine(['check', same], `${same}/..`).stderr).filter((line) => line.endsWith('duplicate-title'));
    assert.deepEqual(lines, ['manuscript/README-es.md:1:1  warning  Chapter title `Handbook Introduction` is also the title of `README.md`: give one a front matter `title`  duplicate-title']);
  });
});

describe('notes', () => {
  test('a note with paragraphs, a list and code keeps its blocks at the page foot', () => {
    const page = book.pdf.pages.find((candidate) => lineWith(candidate, 'Subsequent blocks'))!;
    const lines = ['multiple blocks.', 'Subsequent blocks', 'listitemone', 'listitemtwo', 'codeline'].map((text) => lineWith(page, text));
    assert.ok(lines.every(Boolean), `every block of the note printed: ${page.lines.map((line) => line.text).join(' | ')}`);
    const ys = lines.map((item) => item!.y);
    for (let index = 1; index < ys.length; index++) assert.ok(ys[index]! < ys[index - 1]! - 3, `block ${index + 1} starts a line below block ${index}`);
    const [first, second, item] = lines as NonNullable<(typeof lines)[number]>[];
    assert.ok(Math.abs(second!.x - first!.x) < 2, 'a later paragraph starts at the note’s left edge, like the first');
    assert.ok(first!.text.startsWith('1.'), 'the first paragraph runs on from the number');
    assert.ok(item!.x > second!.x + 5, 'list items are indented');
    assert.ok(first!.y < page.height / 2, 'at the page foot');
  });
});

describe('links and ids', () => {
  test('heading ids are GitHub slugs where unique in the book; a shared one is prefixed with its chapter', () => {
    const ids = selectAll('section.chapter :is(h1, h2)[id]', book.html).map((node) => node.properties.id);
    assert.deepEqual(ids, ['handbook-introduction', 'meta', 'readme-notes', 'second-part', 'scope-of-work', '1-numbered', 'scope-notes', 'edición-en-español', 'alcance']);
    assert.equal(selectAll('[id=user-content-twice]', book.html).length, 1, 'an id used twice is kept once');
  });

  test('links within a chapter, to another chapter file and to a heading elsewhere resolve in every output', () => {
    assert.deepEqual(deadHtmlLinks(book.html), []);
    assert.deepEqual(deadEpubLinks(book.epub), []);
    assert.deepEqual(deadPdfLinks(book), []);
    const htmlLinks = selectAll('section.chapter a[href^="#"]:not(.noteref)', book.html).map((link) => link.properties.href);
    assert.deepEqual(htmlLinks, ['#meta', '#scope-of-work', '#zine-chapter-readme-es', '#alcance', '#zine-chapter-readme', '#meta', '#user-content-old-anchor', '#user-content-twice', '#1-numbered', '#zine-chapter-readme', '#scope-of-work']);
    const epubLinks = elements(book.epub.xml('OEBPS/01-readme.xhtml'), 'a').map((link) => link.attributes.href).filter((href) => !/note/.test(href ?? ''));
    assert.deepEqual(epubLinks, ['#meta', '02-scope.xhtml#scope-of-work', '04-readme-es.xhtml#zine-chapter-readme-es', '04-readme-es.xhtml#alcance', undefined]);
    const pdfTargets = new Set(book.pdf.pages.flatMap((page) => page.links));
    for (const target of ['meta', 'scope-of-work', 'zine-chapter-readme-es', 'alcance', 'user-content-old-anchor', '1-numbered']) assert.ok(pdfTargets.has(target), `PDF links to ${target}`);
  });

  test('the EPUB with a raw figure (caption then <br>s), a repeated id, an old anchor and digit-first slugs passes EPUBCheck', async () => {
    const report = await epubcheck(book.epubBytes);
    assert.deepEqual([report.checker.nFatal, report.checker.nError, report.checker.nWarning], [0, 0, 0], describeProblems(report));
  });

  test('EPUB note back links are named for what they do and underlined (not told apart by place alone)', () => {
    const backLinks = elements(book.epub.xml('OEBPS/01-readme.xhtml'), 'a').filter((link) => link.attributes.role === 'doc-backlink');
    assert.deepEqual(backLinks.map((link) => link.attributes['aria-label']), ['Back to note 1 in the text', 'Back to note 2 in the text']);
    assert.match(book.epub.text('OEBPS/style.css'), /a\.note-number \{\s*text-decoration: underline;/);
  });
});

describe('images', () => {
  test('a remote image left out leaves its alt text, so its link keeps a name', () => {
    const badge = selectAll('a[href="https://example.com/ci"]', book.html);
    assert.deepEqual(badge.map((link) => toString(link)), ['build status']);
    const epubBadge = elements(book.epub.xml('OEBPS/02-scope.xhtml'), 'a').filter((link) => link.attributes.href === 'https://example.com/ci');
    assert.deepEqual(epubBadge.map((link) => textOf(link)), ['build status']);
  });

  test('the author’s width holds in the EPUB, its height follows', () => {
    const sized = elements(book.epub.xml('OEBPS/02-scope.xhtml'), 'img').find((image) => image.attributes.alt === 'A sized dot')!;
    assert.deepEqual([sized.attributes.width, sized.attributes.height], ['20', '15']);
  });

  test('HTML edition: an image in a sentence is text-sized, a sized one keeps its width, a small one is not upscaled', async () => {
    const page = await shared.session.browser.newPage();
    try {
      await page.setViewport({ width: 390, height: 800 });
      await page.goto(`file://${book.htmlPath}`, { waitUntil: 'load' });
      const measure = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('img')].map((image) => [image.alt, [Math.round(image.getBoundingClientRect().width), Math.round(image.getBoundingClientRect().height)]])));
      // Images load lazily: an author-sized one holds its room before it loads; then all are loaded and measured.
      assert.deepEqual((await measure())['A sized dot'], [20, 15], 'an author-sized lazy image reserves its height');
      await page.evaluate(() => Promise.all([...document.images].map((image) => ((image.loading = 'eager'), image.decode()))));
      const sizes = await measure();
      const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('section.chapter p')!).fontSize));
      assert.ok(sizes['dot icon']![1]! <= Math.ceil(fontSize * 1.2), `inline image ${sizes['dot icon']} at text size ${fontSize}`);
      assert.deepEqual(sizes['A sized dot'], [20, 15]);
      assert.deepEqual(sizes['A dot'], [40, 30], 'a 40 px picture stays 40 px wide');
    } finally {
      await page.close();
    }
  });
});

describe('tables and width', () => {
  test('GFM column alignment holds in the PDF and the EPUB', () => {
    const page = book.pdf.pages.find((candidate) => candidate.items.some((item) => item.text === 'r1'))!;
    const [l1, alpha, c1, gamma, r1, answer] = ['l1', 'alpha', 'c1', 'gamma', 'r1', '42'].map((text) => page.items.find((item) => item.text.trim() === text || item.text.startsWith(text))!);
    assert.ok(Math.abs(l1!.x - alpha!.x) < 1, 'left column: left edges line up');
    assert.ok(Math.abs((c1!.x + c1!.right) / 2 - (gamma!.x + gamma!.right) / 2) < 1, 'centre column: centres line up');
    assert.ok(Math.abs(r1!.right - answer!.right) < 1, 'right column: right edges line up');
    const cells = elements(book.epub.xml('OEBPS/01-readme.xhtml'), 'td').slice(0, 3).map((cell) => cell.attributes.style);
    assert.deepEqual(cells, ['text-align: left;', 'text-align: center;', 'text-align: right;']);
  });

  test('no PDF text runs past the trim: wide tables and long code fit the page', () => {
    for (const [index, page] of book.pdf.pages.entries()) for (const item of page.lines) assert.ok(item.right <= page.width + 0.5, `page ${index + 1}: "${item.text}" ends at ${item.right.toFixed(1)} of ${page.width}`);
  });

  test('the HTML edition never scrolls sideways at 320 or 390 px', async () => {
    const widths = await htmlScrollWidths(shared.session.browser, book.htmlPath, [320, 390]);
    assert.deepEqual([...widths], [[320, 320], [390, 390]]);
  });
});
