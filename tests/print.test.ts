// The print stage end to end: real Chromium, the PDF read back with pdfjs (text per page) and pdf-lib (fonts, links, outline, tags).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { h } from 'hastscript';
import { toString as hastToString } from 'hast-util-to-string';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { configSchema } from '../scripts/config/schema.ts';
import type { Book } from '../scripts/manuscript/book.ts';
import { loadBook } from '../scripts/manuscript/index.ts';
import { rehypePrintFootnotes } from '../scripts/print/footnotes.ts';
import { rehypeHyphenate } from '../scripts/print/hyphenate.ts';
import { renderCoverImage, renderPrintPdf } from '../scripts/print/index.ts';
import { pageStyleCss } from '../scripts/print/page-style.ts';
import { resolveServedFile } from '../scripts/print/sandbox.ts';

import { oneChapterBook } from './helpers/one-chapter-book.ts';
import { sharePrintSession } from './helpers/print-session.ts';
const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, 'fixtures', name);
const SEED = path.join(here, '..', 'manuscript');
const EPOCH = '1651363200';

const shared = sharePrintSession('zine-print-test-');

/** Render with SOURCE_DATE_EPOCH set, collecting what the sandbox blocked. */
async function render(book: Book) {
  const blocked: { url: string; reason: string }[] = [];
  const previous = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = EPOCH;
  try {
    const bytes = await renderPrintPdf(book, shared.session, { cacheDir: shared.cacheDir, report: (url, reason) => blocked.push({ url, reason }) });
    return { bytes, blocked, pdf: await readPdf(bytes) };
  } finally {
    if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = previous;
  }
}

async function load(dir: string): Promise<Book> {
  const { book, files } = await loadBook(dir);
  const errors = files.flatMap((file) => file.messages.filter((message) => message.fatal));
  assert.deepEqual(errors.map(String), []);
  return book!;
}

interface PageText {
  /** Text with whitespace and soft hyphens removed: robust to line breaks. */
  compact: string;
  items: { text: string; x: number; y: number }[];
}

interface ReadPdf {
  doc: PDFDocument;
  pages: PageText[];
  /** Named destination → 0-based page index. */
  dests: Map<string, number>;
  /** Per page, the named destinations its links point to. */
  links: string[][];
}

// pdfjs reads Source Serif 4's apostrophe as U+02BC (pdftotext, from the same ToUnicode map, as U+2019): fold them.
const compact = (text: string) => text.replace(/[\s\u00ad]+/g, '').replace(/\u02bc/g, '\u2019');

async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageRefs = doc.getPages().map((page) => page.ref.toString());
  const dests = new Map<string, number>();
  const destsDict = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of destsDict?.entries() ?? []) {
    const array = doc.context.lookup(value);
    const target = array instanceof PDFArray ? array.get(0) : undefined;
    if (target instanceof PDFRef) dests.set(name.decodeText(), pageRefs.indexOf(target.toString()));
  }
  const links = doc.getPages().map((page) => {
    const annots = page.node.Annots();
    if (!annots) return [];
    return annots.asArray().flatMap((ref) => {
      const dest = doc.context.lookup(ref, PDFDict).get(PDFName.of('Dest'));
      return dest instanceof PDFName ? [dest.decodeText()] : [];
    });
  });
  const pdfjs = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const pages: PageText[] = [];
  for (let number = 1; number <= pdfjs.numPages; number++) {
    const content = await (await pdfjs.getPage(number)).getTextContent();
    const items = content.items.flatMap((item) =>
      'str' in item && item.str.trim() !== '' ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : [],
    );
    pages.push({ compact: compact(items.map((item) => item.text).join('')), items });
  }
  await pdfjs.destroy();
  return { doc, pages, dests, links };
}

const pageWith = (pdf: ReadPdf, text: string) => pdf.pages.findIndex((page) => page.compact.includes(compact(text)));
const callPage = (pdf: ReadPdf, number: number) => pdf.links.findIndex((dests) => dests.includes(`zine-note-${number}`));
const decode = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);

/** Every font dictionary in the file, with what the checks need. */
function fonts(doc: PDFDocument) {
  return doc.context.enumerateIndirectObjects().flatMap(([, object]) => {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) return [];
    const subtype = object.get(PDFName.of('Subtype'))?.toString();
    if (subtype === '/CIDFontType0' || subtype === '/CIDFontType2') return [];
    const descendant = subtype === '/Type0' ? object.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict) : object;
    const descriptor = descendant.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));
    return [{ name: object.get(PDFName.of('BaseFont'))?.toString() ?? '', subtype, embedded }];
  });
}

function pageFontNames(doc: PDFDocument, index: number): string[] {
  const fontDict = doc.getPage(index).node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  return (fontDict?.values() ?? []).map((ref) => doc.context.lookup(ref, PDFDict).get(PDFName.of('BaseFont'))?.toString() ?? '');
}

function outlineTitles(doc: PDFDocument): { title: string; page: number }[] {
  const pageRefs = doc.getPages().map((page) => page.ref.toString());
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: { title: string; page: number }[] = [];
  let item = root?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    titles.push({ title: decode(item.lookup(PDFName.of('Title'))) ?? '', page: pageRefs.indexOf(String(dest?.get(0))) });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return titles;
}

/** The folio: the lowest line of text on the page. */
function folio(page: PageText): string | undefined {
  if (page.items.length === 0) return undefined;
  const lowest = Math.min(...page.items.map((item) => item.y));
  return page.items.filter((item) => item.y === lowest).map((item) => item.text).join('');
}

describe('the seed manuscript', { skip: !(await exists(path.join(SEED, 'zine.yaml'))) && 'no manuscript/' }, () => {
  let book: Book;
  let pdf: ReadPdf;
  before(async () => {
    book = await load(SEED);
    pdf = (await render(book)).pdf;
  });

  test('is A5 on every page', () => {
    for (const page of pdf.doc.getPages()) {
      const { width, height } = page.getSize();
      assert.ok(Math.abs(width - 419.53) < 0.01 && Math.abs(height - 595.28) < 0.01, `page is ${width} × ${height}`);
    }
  });

  test('sets each note at the foot of the page that calls it, numbered as the book numbers it', () => {
    const notes = book.chapters.flatMap((chapter) => chapter.notes);
    assert.equal(notes.length, 4);
    for (const note of notes) {
      const page = callPage(pdf, note.number);
      assert.ok(page > 0, `note ${note.number} has a call`);
      assert.equal(pdf.dests.get(`zine-note-${note.number}`), page, `note ${note.number} is on its call's page`);
      const opening = compact(hastToString(h('div', note.content))).slice(0, 16);
      assert.ok(pdf.pages[page]!.compact.includes(`${note.number}.${opening}`), `note ${note.number} text "${opening}" on page ${page + 1}`);
    }
  });

  test('lists the chapters on the contents page with the pages they start on', () => {
    const contents = 1;
    assert.ok(pdf.pages[contents]!.compact.includes('Contents'));
    const starts = book.chapters.map((chapter) => pdf.dests.get(`zine-chapter-${chapter.id}`)! + 1);
    const page = pdf.pages[contents]!;
    const listed = page.items.filter((item) => /^\d+$/.test(item.text) && item.text !== folio(page)).sort((a, b) => b.y - a.y);
    assert.deepEqual(listed.map((item) => Number(item.text)), starts);
    for (const chapter of book.chapters) assert.ok(pdf.pages[pdf.dests.get(`zine-chapter-${chapter.id}`)!]!.compact.includes(compact(chapter.title)));
    assert.deepEqual(pdf.links[contents], book.chapters.map((chapter) => `zine-chapter-${chapter.id}`), 'contents entries link to their chapters');
  });

  test('embeds every font as a subset TrueType (CID) font, never Type 3', () => {
    const all = fonts(pdf.doc);
    assert.ok(all.length > 0);
    for (const font of all) {
      assert.notEqual(font.subtype, '/Type3', `${font.name} is Type 3`);
      assert.ok(font.embedded, `${font.name} is embedded`);
      assert.match(font.name, /^\/[A-Z]{6}\+(SourceSerif4|NotoSerifSC)/, `${font.name} is a subset of our fonts`);
    }
  });

  test('sets the Chinese chapter in Noto Serif SC', () => {
    const chinese = book.chapters.find((chapter) => chapter.lang.startsWith('zh'))!;
    const page = pdf.dests.get(`zine-chapter-${chinese.id}`)!;
    assert.ok(pageFontNames(pdf.doc, page).some((name) => name.includes('NotoSerifSC')));
  });

  test('has bookmarks for the contents and every chapter', () => {
    assert.deepEqual(outlineTitles(pdf.doc), [
      { title: 'Contents', page: 1 },
      ...book.chapters.map((chapter) => ({ title: chapter.title, page: pdf.dests.get(`zine-chapter-${chapter.id}`)! })),
    ]);
  });

  test('is tagged, with title, language and dates', () => {
    assert.ok(pdf.doc.catalog.get(PDFName.of('StructTreeRoot')), 'StructTreeRoot');
    assert.equal(pdf.doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString(), 'true');
    assert.equal(decode(pdf.doc.catalog.lookup(PDFName.of('Lang'))), 'en');
    assert.equal(pdf.doc.getTitle(), 'Kazakhstan after the Uprising');
    assert.equal(pdf.doc.getProducer(), 'zine');
    assert.equal(pdf.doc.getCreationDate()?.getTime(), Number(EPOCH) * 1000);
  });

  test('numbers every page but the cover', () => {
    assert.equal(folio(pdf.pages[0]!)?.match(/^\d+$/), null, 'no number on the cover');
    pdf.pages.slice(1).forEach((page, index) => assert.equal(folio(page), String(index + 2), `page ${index + 2}`));
  });
});

describe('footnotes', () => {
  test('start on the page of their call, wherever the call falls, and a long note may continue', async () => {
    const book = await load(fixture('print-notes'));
    const { pdf } = await render(book);
    const heights: number[] = [];
    for (let number = 1; number <= 26; number++) {
      const call = pageWith(pdf, `callmark${number}z`);
      assert.ok(call >= 0, `call ${number} printed`);
      assert.equal(callPage(pdf, number), call, `call ${number} links to its note`);
      assert.equal(pageWith(pdf, `${number}.notetext${number}z`), call, `note ${number} starts on page ${call + 1}`);
      const item = pdf.pages[call]!.items.find((candidate) => candidate.text.includes(`callmark${number}z`))!;
      heights.push(item.y / pdf.doc.getPage(call).getHeight());
    }
    assert.ok(Math.min(...heights) < 0.35, `some call sits in the lowest third of a page (lowest at ${Math.min(...heights).toFixed(2)})`);
    const longNote = book.chapters[0]!.notes.find((note) => note.number === 9)!;
    const longNoteEnd = compact(hastToString(h('div', longNote.content))).slice(-24);
    assert.ok(pageWith(pdf, longNoteEnd) >= pageWith(pdf, 'notetext9z'), 'the long note ends on or after the page it starts on');
    // One chapter: no contents page listing it alone, and no Contents bookmark; the chapter follows the cover.
    assert.equal(book.chapters.length, 1);
    assert.equal(pageWith(pdf, 'Contents'), -1, 'no contents page');
    assert.deepEqual(outlineTitles(pdf.doc), [{ title: book.chapters[0]!.title, page: 1 }]);
  });
});

describe('figures and chapter openings', () => {
  let pdf: ReadPdf;
  before(async () => {
    pdf = (await render(await load(fixture('print-figure')))).pdf;
  });

  test('a tall figure stays whole and on the page of its caption', () => {
    const imagePages = pdf.doc.getPages().flatMap((page, index) => {
      const objects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      const images = (objects?.values() ?? []).filter((ref) => (pdf.doc.context.lookup(ref) as PDFRawStream).dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
      return images.length > 0 && index > 0 ? [index] : [];
    });
    assert.equal(imagePages.length, 1, `the figure is drawn on one page (${imagePages})`);
    const caption = 'tallcaption A very tall figure whose caption must stay with it on the same page.';
    assert.equal(pageWith(pdf, caption), imagePages[0]);
  });

  test('chapterStart: right opens chapters on odd pages, blank pages have no head or number', () => {
    const opening = pdf.dests.get('zine-chapter-after')!;
    assert.equal((opening + 1) % 2, 1, 'on a right-hand page');
    const previous = pdf.pages[opening - 1]!;
    if (!previous.compact.includes('lanterns')) assert.deepEqual(previous.items, [], 'the blank page is empty');
  });

  test('renders the cover image for the e-book at 1600 × 2400', async () => {
    const jpeg = await renderCoverImage(await load(fixture('print-figure')), shared.session, { cacheDir: shared.cacheDir });
    const meta = await sharp(jpeg).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1600, 2400]);
  });
});

describe('the sandbox', () => {
  test('blocks and reports remote and local requests; manuscript scripts never run', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'zine-print-sandbox-'));
    try {
      await mkdir(path.join(root, 'images'));
      await symlink('/etc/passwd', path.join(root, 'images', 'escape.png'));
      const tree: Root = {
        type: 'root',
        children: [
          h('h1', 'Hostile'),
          h('p', 'visiblemark The page renders.'),
          h('img', { src: 'https://example.com/remote.png', alt: '' }),
          h('img', { src: 'file:///etc/passwd', alt: '' }),
          h('img', { src: 'images/escape.png', alt: '' }),
          h('link', { rel: 'stylesheet', href: 'https://example.com/style.css' }),
          h('p', { style: 'background: url(https://example.org/bg.png)' }, 'styled'),
          h('script', "document.body.insertAdjacentHTML('beforeend', '<p>SCRIPTRAN</p>')"),
          h('img', { src: 'data:,', onError: "document.body.insertAdjacentHTML('beforeend', '<p>HANDLERRAN</p>')" }),
          h('iframe', { src: 'https://example.com/frame.html' }),
        ],
      };
      const book = oneChapterBook(root, 'hostile', 'Hostile', tree);
      const { pdf, blocked } = await render(book);
      const urls = blocked.map((entry) => entry.url);
      for (const url of ['https://example.com/remote.png', 'file:///etc/passwd', 'https://example.com/style.css', 'https://example.org/bg.png']) {
        assert.ok(urls.includes(url), `${url} reported (got ${JSON.stringify(blocked)})`);
      }
      assert.ok(blocked.some((entry) => /script/.test(entry.reason)), 'the script is reported');
      assert.ok(blocked.some((entry) => /frame/.test(entry.reason) && entry.url.startsWith('https://example.com')), 'the frame is reported');
      assert.ok(urls.some((url) => url.endsWith('/manuscript/images/escape.png')), 'a symlink out of the manuscript is refused');
      const text = pdf.pages.map((page) => page.compact).join('');
      assert.ok(text.includes('visiblemark'));
      assert.ok(!text.includes('SCRIPTRAN') && !text.includes('HANDLERRAN'), 'no manuscript script ran');
      assert.ok(!text.includes('root:x:0'), 'no local file leaked');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('serves a file only if it really lies inside its folder', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'zine-print-routes-'));
    try {
      await writeFile(path.join(root, 'inside.txt'), 'ok');
      await symlink('/etc/hostname', path.join(root, 'outside.txt'));
      assert.equal(await resolveServedFile('/m/inside.txt', { '/m/': root }), path.join(root, 'inside.txt'));
      assert.equal(await resolveServedFile('/m/outside.txt', { '/m/': root }), undefined);
      assert.equal(await resolveServedFile('/m/../../etc/passwd', { '/m/': root }), undefined);
      assert.equal(await resolveServedFile('/other/x', { '/m/': root }), undefined);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('reproducibility', () => {
  test('two renders with SOURCE_DATE_EPOCH are byte-identical', async () => {
    const book = await load(fixture('print-notes'));
    const first = await render(book);
    const second = await render(book);
    assert.ok(Buffer.from(first.bytes).equals(Buffer.from(second.bytes)), 'identical bytes');
  });
});

describe('pieces', () => {
  test('the session names the browser it prints with and its version', () => {
    assert.match(shared.session.label, /^(embedded @sparticuz\/chromium|system \S+|ZINE_BROWSER=\S+) \((HeadlessChrome|Chrome|Chromium)\/\d+/);
  });

  test('hyphenates each language by its own patterns, never headings, code, Chinese or Hindi', () => {
    const tree: Root = {
      type: 'root',
      children: [
        h('h1', 'Extraordinary'),
        h('p', ['Extraordinary ', h('code', 'extraordinary')]),
        h('p', { lang: 'zh-Hans' }, 'Extraordinary 中文'),
        h('p', { lang: 'ru' }, 'достоинстве'),
        h('p', { lang: 'de-CH' }, 'Menschenrechte'),
        h('p', { lang: 'el' }, 'αξιοπρέπεια'),
        h('p', { lang: 'hi' }, 'स्वतन्त्रता'),
      ],
    };
    rehypeHyphenate({ lang: 'en' })(tree);
    const texts = tree.children.map((node) => hastToString(node as never));
    assert.deepEqual(texts.slice(0, 3), ['Extraordinary', 'Ex\u00adtra\u00ador\u00addi\u00adnary extraordinary', 'Extraordinary 中文']);
    for (const [index, word] of [[3, 'достоинстве'], [4, 'Menschenrechte'], [5, 'αξιοπρέπεια']] as const) {
      assert.ok(texts[index]!.includes('\u00ad'), `${word} is hyphenated: ${texts[index]}`);
      assert.equal(texts[index]!.replace(/\u00ad/g, ''), word);
    }
    assert.equal(texts[6], 'स्वतन्त्रता', 'Devanagari is not hyphenated');
  });

  test('turns the first call of a note into a footnote span, later calls into plain numbers', () => {
    const tree: Root = { type: 'root', children: [h('p', ['a', h('a', { dataNoteCall: '3' }), 'b', h('a', { dataNoteCall: '3' })])] };
    rehypePrintFootnotes({ notes: [{ number: 3, content: [h('p', 'One.'), h('p', 'Two.')] }], lang: 'en' })(tree);
    const paragraph = tree.children[0] as ReturnType<typeof h>;
    const [, note, , again] = paragraph.children as ReturnType<typeof h>[];
    assert.equal(note!.tagName, 'span');
    assert.deepEqual(note!.properties.className, ['footnote']);
    assert.equal(note!.properties.dataNoteNumber, '3');
    assert.ok((note!.children as ReturnType<typeof h>[]).every((child) => child.tagName === 'span'), 'no block inside a paragraph');
    assert.equal(hastToString(again!), '3');
  });

  test('page CSS follows the config: size, mirrored margins, type, chapter starts', () => {
    const config = configSchema.parse({
      title: 't',
      identifier: 'i',
      date: '2024-01-01',
      chapters: ['a.md'],
      print: { page: { width: '100mm', height: '160mm' }, margins: { inner: '20mm', outer: '10mm' }, fontSize: '9pt', lineHeight: 1.5, chapterStart: 'right' },
    });
    const css = pageStyleCss(config.print);
    assert.match(css, /@page \{ size: 283\.465pt 453\.543pt;/);
    assert.match(css, /@page :left \{ margin-left: 28\.346pt; margin-right: 56\.693pt; \}/);
    assert.match(css, /@page :right \{ margin-left: 56\.693pt; margin-right: 28\.346pt; \}/);
    assert.match(css, /--zine-font-size: 9pt;/);
    assert.match(css, /--zine-line-height: 1\.5;/);
    assert.match(css, /break-before: right/);
  });
});

async function exists(file: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  return access(file).then(
    () => true,
    () => false,
  );
}
