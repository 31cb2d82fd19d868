// Pandoc, kramdown and TeX habits through every output: one fixture built once into HTML, EPUB (EPUBCheck) and PDF.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import sharp from 'sharp';
import { renderEpub } from '../scripts/epub/index.ts';
import { renderHtmlEdition, type HtmlEdition } from '../scripts/html/index.ts';
import type { Book } from '../scripts/manuscript/book.ts';
import { loadBook } from '../scripts/manuscript/index.ts';
import { compileChapter } from '../scripts/manuscript/read-chapter.ts';
import { renderPrintPdf } from '../scripts/print/index.ts';
import { elements, openEpub, textOf, type OpenedEpub } from './helpers/epub-reader.ts';
import { describeProblems, epubcheck, type EpubCheckReport } from './helpers/epubcheck.ts';
import { copyFixture } from './helpers/fixture.ts';
import { textWithFonts, type FontedItem } from './helpers/pdf-fonts.ts';
import { sharePrintSession } from './helpers/print-session.ts';

const shared = sharePrintSession('zine-dialects-');
const built = {} as { book: Book; html: HtmlEdition; page: HastRoot; epub: OpenedEpub; check: Promise<EpubCheckReport>; pdf: FontedItem[] };

before(async () => {
  const { book, files } = await loadBook(copyFixture('dialects'));
  assert.ok(book, files.flatMap((file) => file.messages.map(String)).join('\n'));
  built.book = book;
  built.html = await renderHtmlEdition(book);
  built.page = fromHtml(built.html.html);
  const cover = new Uint8Array(await sharp({ create: { width: 600, height: 900, channels: 3, background: '#777777' } }).jpeg().toBuffer());
  const bytes = await renderEpub(book, { cover: { bytes: cover, mediaType: 'image/jpeg' }, modified: new Date('2026-12-02T12:00:00Z'), report: () => {} });
  built.epub = openEpub(bytes);
  built.check = epubcheck(bytes);
});

const one = (selector: string) => {
  const node = select(selector, built.page);
  assert.ok(node, `no ${selector} in the HTML edition`);
  return node;
};
const chapterXhtml = (stem: string) => built.epub.xml(`OEBPS/${Object.keys(built.epub.entries).find((name) => name.includes(stem))!.replace(/^OEBPS\//, '')}`);
/** The PDF's text items on the page that holds `needle`. */
const pdfPageWith = (needle: string) => {
  const page = built.pdf.find((item) => item.text.includes(needle))?.page;
  assert.ok(page, `"${needle}" is on no PDF page`);
  return built.pdf.filter((item) => item.page === page);
};
/** Text without spaces or soft hyphens: hyphenation splits words into several items. */
const pdfText = (items: FontedItem[]) => items.map((item) => item.text).join('').replace(/[\s\u00ad]/g, '');
const squash = (text: string) => text.replace(/\s/g, '');
/** The page's lines, top to bottom: items grouped by baseline, with the x where each starts. */
const pdfLines = (items: FontedItem[]) => {
  const lines = new Map<number, FontedItem[]>();
  for (const item of items) lines.set(Math.round(item.y), [...(lines.get(Math.round(item.y)) ?? []), item]);
  return [...lines.entries()].sort(([a], [b]) => b - a).map(([y, line]) => ({ y, x: Math.min(...line.map((item) => item.x)), text: line.map((item) => item.text).join('').replace(/\u00ad/g, '') }));
};

describe('the HTML edition', () => {
  test('definition lists, sub/superscript beside ~~strike~~, attributes, fenced divs, fancy lists', () => {
    assert.deepEqual(selectAll('dl dt', built.page).map((node) => toString(node)), ['Apple', 'Pear']);
    assert.match(toString(one('dl dd')), /A round fruit/);
    assert.equal(toString(one('sub')), '2');
    assert.equal(toString(one('sup:not(:has(a))')), '10');
    assert.equal(toString(one('del')), 'this is struck');
    assert.match(toString(one('section.chapter')), /a lone ~ tilde stays/);
    const terms = one('h2#terms');
    assert.deepEqual([terms.properties.className, terms.properties.dataX], [['glossary'], '1']);
    assert.equal(toString(terms), 'Terms');
    assert.equal(toString(one('p#marked.note-para')), 'Kramdown marks this paragraph.');
    assert.match(toString(one('div.note')), /Fenced div inside: a warning/);
    assert.ok(select('div.note strong', built.page));
    assert.equal(toString(one('div[lang=fr] > div.aside#side')).trim(), 'Un passage en français.');
    assert.deepEqual(selectAll('ol[type=i] > li', built.page).map((node) => toString(node)), ['first roman item', 'second roman item']);
    assert.equal(selectAll('ol.marker-paren-lower-alpha[type=a] > li', built.page).length, 2);
    assert.equal(one('ol[start="4"]').properties.start, 4);
    assert.doesNotMatch(selectAll('section.chapter', built.page).map((node) => toString(node)).join('\n'), /\{[:#.]|^% |:::/m);
  });

  test('bracketed spans carry their class, lang, id and keys; brackets inside stay text', () => {
    assert.equal(toString(one('span.smallcaps')), 'Rights of Man');
    assert.equal(toString(one('span[lang=fr]')), 'liberté');
    const motto = one('span#equal.motto');
    assert.deepEqual([toString(motto), motto.properties.dataKey, toString(select('em', motto)!)], ['égalité as one', 'val', 'égalité']);
    assert.equal(toString(one('span.outer')), 'a [nested] bracket');
    assert.match(toString(one('p:has(span.smallcaps)')), /^The Rights of Man speak of liberté and égalité as one; a \[nested\] bracket stays\.$/);
    assert.match(built.html.html, /\.smallcaps \{ text-transform: uppercase; font-size: 0\.8em/);
  });

  test('an inline note is numbered with the labelled one, in reading order', () => {
    const notes = selectAll('section.endnotes li', built.page).map((node) => toString(node));
    assert.equal(notes.length, 2);
    assert.match(notes[0]!, /^The inline note, with emphasis and a link\./);
    assert.match(notes[1]!, /^The labelled note\./);
    assert.ok(select('section.endnotes li em', built.page));
    assert.deepEqual(built.book.chapters[0]!.notes.map((note) => note.number), [1, 2]);
  });

  test('a line block keeps its breaks and indents', () => {
    const block = one('div.line-block');
    assert.equal(selectAll('br', block).length, 3);
    assert.match(toString(block), /sleep,\n?\u00a0{4}And miles/);
  });

  test('the title block is the chapter title and, with no authors in zine.yaml, the book authors', () => {
    assert.equal(built.book.chapters[0]!.title, 'Habits of Other Dialects');
    assert.deepEqual(built.book.config.authors, ['Ada Writer', 'Bo Reader']);
    assert.equal(toString(one('section.chapter h1')), 'Habits of Other Dialects');
  });

  test('math is MathML, with the math font beside the page', () => {
    const formulas = selectAll('math', built.page);
    assert.equal(formulas.length, 2);
    assert.match(toString(one('section.chapter:last-of-type')), /It cost \$4\.3 billion, then \$1\.4 billion\./);
    assert.match(toString(one('section.chapter:last-of-type')), /If \$2 is omitted, output_file is logfile; arithmetic is i=\$\(\( \(i \+ 1\) % 5 \)\)\./);
    assert.equal(toString(one('math annotation')), 'e^{i\\pi} + 1 = 0');
    assert.equal(one('.math-display math').properties.display, 'block');
    assert.ok([...built.html.files.keys()].some((name) => name.endsWith('noto-sans-math-latin-400-normal.woff2')));
    assert.match(built.html.html, /font-family: 'Noto Sans Math'/);
  });

  test('syntax zine does not support is a warning at its place, with a rule', () => {
    const messages = built.book.chapters[0]!.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
    assert.deepEqual(messages, ['47:1 unsupported-grid-table', '51:14 unsupported-citation', '51:54 unsupported-raw-tex']);
  });
});

describe('the EPUB', () => {
  test('passes EPUBCheck, MathML declared in the manifest of the chapter that has it only', async () => {
    const report = await built.check;
    assert.deepEqual([report.checker.nFatal, report.checker.nError, report.checker.nWarning], [0, 0, 0], describeProblems(report));
    const items = elements(built.epub.xml('OEBPS/content.opf'), 'item').filter((item) => String(item.attributes.href).includes('habits') || String(item.attributes.href).includes('poem'));
    assert.deepEqual(items.map((item) => [String(item.attributes.href).replace(/^\d+-/, ''), item.attributes.properties]), [['habits.xhtml', 'mathml'], ['poem.xhtml', undefined]]);
  });

  test('its XHTML holds each construct', () => {
    const habits = chapterXhtml('habits');
    const names = (name: string) => elements(habits, name);
    assert.deepEqual(names('dt').map(textOf), ['Apple', 'Pear']);
    assert.deepEqual([textOf(names('sub')[0]!), textOf(names('del')[0]!)], ['2', 'this is struck']);
    assert.ok(names('sup').some((node) => textOf(node) === '10'));
    assert.ok(names('h2').some((node) => node.attributes.id === 'terms' && node.attributes.class === 'glossary'));
    assert.ok(names('p').some((node) => node.attributes.id === 'marked'));
    assert.ok(names('div').some((node) => node.attributes.class === 'note'));
    assert.ok(names('div').some((node) => node.attributes.class === 'aside' && node.attributes.id === 'side'));
    assert.deepEqual(names('ol').flatMap((node) => (node.attributes.type ?? node.attributes.start) ? [`${node.attributes.type ?? ''}${node.attributes.start ?? ''}`] : []), ['i', 'a', '4']);
    const math = names('math');
    assert.equal(math.length, 2);
    assert.equal(math[0]!.attributes.xmlns, 'http://www.w3.org/1998/Math/MathML');
    const notes = elements(habits, 'aside').map(textOf).join(' ');
    assert.match(notes, /The inline note, with emphasis/);
    const spans = names('span').map((node) => [node.attributes.class ?? node.attributes['xml:lang'] ?? node.attributes.id, textOf(node)]);
    for (const span of [['smallcaps', 'Rights of Man'], ['fr', 'liberté'], ['motto', 'égalité as one'], ['outer', 'a [nested] bracket']])
      assert.ok(spans.some(([key, text]) => key === span[0] && text === span[1]), `no span ${span.join(' ')} in ${JSON.stringify(spans)}`);
    assert.ok(names('span').some((node) => node.attributes.id === 'equal' && node.attributes['data-key'] === 'val'));
    const poem = elements(chapterXhtml('poem'), 'div').find((node) => node.attributes.class === 'line-block')!;
    assert.equal(elements(poem, 'br').length, 3);
  });
});

describe('the PDF', () => {
  before(async () => {
    built.pdf = await textWithFonts(await renderPrintPdf(built.book, shared.session, { cacheDir: shared.cacheDir }));
  });

  test('each construct prints, the syntax never shows', () => {
    const page = pdfText(pdfPageWith('Apple'));
    for (const expected of ['A round fruit', 'H', '2', 'O', '10', 'this is struck', 'Kramdown marks this paragraph.', 'Fenced div inside', 'ii. second roman item', 'b) second lettered item', '4. fourth numbered item'])
      assert.ok(page.includes(squash(expected)), `"${expected}" missing on the PDF page: ${page}`);
    assert.doesNotMatch(page, /\{[:#.]|:::|\^\[/);
    assert.ok(pdfText(built.pdf).includes('1.Theinlinenote,withemphasisandalink.'));
  });

  test('small caps are capitals of the text face itself (Source Serif 4), a size smaller', () => {
    const line = pdfPageWith('speak of').filter((item) => /RIGHTS|speak of/.test(item.text));
    const caps = line.find((item) => item.text.includes('RIGHTS OF MAN'));
    const body = line.find((item) => item.text.includes('speak of'));
    assert.ok(caps && body, JSON.stringify(line));
    assert.equal(caps.font, body.font);
    assert.match(caps.font, /SourceSerif4/);
    assert.ok(caps.size < body.size * 0.85, `small caps at ${caps.size} pt, text at ${body.size} pt`);
  });

  test('math is set in Noto Sans Math, embedded', () => {
    const math = built.pdf.filter((item) => item.font.includes('NotoSansMath'));
    assert.ok(math.length > 0);
    assert.ok(math.some((item) => item.text.includes('∫')), math.map((item) => item.text).join(' '));
  });

  test('the poem keeps its lines, one per line, indents included', () => {
    const lines = pdfLines(pdfPageWith('The woods')).filter((line) => /woods|promises|miles/.test(line.text));
    assert.deepEqual(
      lines.map((line) => line.text),
      ['The woods are lovely, dark and deep,', 'But I have promises to keep,', 'And miles to go before I sleep,', 'And miles to go before I sleep.'],
    );
    assert.ok(lines[2]!.x > lines[1]!.x + 5, `indented line at x=${lines[2]!.x}, plain at ${lines[1]!.x}`);
    assert.equal(lines[2]!.x, lines[3]!.x);
  });
});

test('`markdown: gfm` in zine.yaml reads tildes, carets and dollars literally; a TeX error is a diagnostic at its place', async () => {
  const source = 'Water is H~2~O, 2^10^, a note^[inline] and $x$.\n\nApple\n:   fruit\n\nBad: $\\frac{1$ here.\n';
  const dir = copyFixture('dialects');
  writeFileSync(path.join(dir, 'zine.yaml'), `${readFileSync(path.join(dir, 'zine.yaml'), 'utf8')}markdown: gfm\n`);
  writeFileSync(path.join(dir, '01-habits.md'), source.replace('Bad: $\\frac{1$ here.\n', ''));
  const gfm = (await loadBook(dir)).book!.chapters[0]!.tree;
  assert.equal(selectAll('dl, sup, math', gfm).length, 0);
  assert.equal(toString(select('del', gfm)!), '2');
  assert.match(toString(gfm), /2\^10\^, a note\^\[inline\] and \$x\$/);
  const extended = await compileChapter('/tmp/chapter.md', { root: '/tmp' }, new TextEncoder().encode(source));
  assert.equal(selectAll('math', extended.tree).length, 1);
  const error = extended.file.messages.find((message) => message.ruleId === 'math-syntax');
  assert.deepEqual([error?.line, error?.column, error?.ruleId, error?.fatal], [6, 14, 'math-syntax', true]);
  assert.match(String(error?.reason), /TeX error in math `\\frac\{1`: Unexpected end of input/);
  assert.equal(toString(select('code', extended.tree)!), '\\frac{1');
});
