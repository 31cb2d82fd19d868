// Every script: each language of a real multilingual text in its own bundled face, in the PDF and the HTML edition;
// right-to-left passages and books; no box, no machine font, no Type 3 font, no soft hyphen in the text layer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { readPdfTextLayer } from '../scripts/pdf-text/index.ts';
import { openPrintSession, type PrintSession } from '../scripts/print/index.ts';
import { describeProblems, epubcheck } from './helpers/epubcheck.ts';
import { openEpub } from './helpers/epub-reader.ts';
import { copyFixture, runZine } from './helpers/fixture.ts';
import { textWithFonts } from './helpers/pdf-fonts.ts';
import { openPdf } from './pdf-text.ts';

/** A sample of each language of the fixture (tests/fixtures/scripts), and the face it must be set in. */
const SAMPLES: { lang: string; text: string; face: RegExp }[] = [
  { lang: 'zh-Hans', text: '严', face: /NotoSerifSC/ },
  { lang: 'zh-Hant', text: '嚴', face: /NotoSerifTC/ },
  { lang: 'ja', text: 'すべての人間は', face: /NotoSerifJP/ },
  { lang: 'ko', text: '모든 인간은', face: /NotoSerifKR/ },
  { lang: 'ar', text: 'الكرامة', face: /NotoNaskhArabic/ },
  { lang: 'he', text: 'בני אדם', face: /NotoSerifHebrew/ },
  { lang: 'hi', text: 'मनुष्यों', face: /NotoSerifDevanagari/ },
  { lang: 'bn', text: 'মানুষ', face: /NotoSerifBengali/ },
  { lang: 'ta', text: 'சுதந்திரமாகவே', face: /NotoSerifTamil/ },
  { lang: 'th', text: 'มนุษย์', face: /NotoSerifThai/ },
  { lang: 'ru', text: 'люди', face: /SourceSerif4/ },
  { lang: 'fr', text: 'êtres humains', face: /SourceSerif4/ },
  { lang: 'el', text: 'άνθρωποι', face: /SourceSerif4/ },
  { lang: 'vi', text: 'bình đẳng', face: /SourceSerif4/ },
  { lang: 'ka', text: 'ადამიანი', face: /NotoSerifGeorgian/ },
  { lang: 'hy', text: 'մարդիկ', face: /NotoSerifArmenian/ },
  { lang: 'am', text: 'የሰው', face: /NotoSansEthiopic/ },
];
const OUR_FACES = /^[A-Z]{6}\+(SourceSerif4|SourceCodePro|NotoSerif(SC|TC|JP|KR|Hebrew|Devanagari|Bengali|Tamil|Thai|Georgian|Armenian)|NotoNaskhArabic|NotoSansEthiopic|NotoEmoji|NotoSansSymbols2?|NotoSansMath)/;

const squeeze = (text: string) => text.replace(/\s+/g, '');
describe('a chapter in every major script', () => {
  const dir = copyFixture('scripts');
  const out = path.join(path.dirname(dir), 'out');
  let build: ReturnType<typeof runZine>;
  let pdf: Uint8Array;
  let session: PrintSession;
  before(async () => {
    build = runZine(['build', dir, '--out', out, '--only', 'pdf,html,epub'], path.dirname(dir));
    pdf = new Uint8Array(readFileSync(path.join(out, 'all-human-beings.pdf')));
    session = await openPrintSession();
  });
  after(async () => {
    await session?.close();
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  test('builds with no warning: every character has a bundled face, and the PDF draws no box', async () => {
    assert.equal(build.status, 0, build.stderr);
    assert.doesNotMatch(build.stderr, /warning|missing-glyph/);
    // The French line's narrow no-break and thin spaces are in no face: HarfBuzz sets them from the face's space.
    const pages = readPdfTextLayer(await PDFDocument.load(pdf, { updateMetadata: false }));
    assert.deepEqual(pages.map((page) => page.notdef), pages.map(() => 0), '.notdef glyphs per page');
  });

  test('the PDF sets each script in its own face, embedded as TrueType, never a machine font or Type 3', async () => {
    const items = await textWithFonts(pdf);
    for (const sample of SAMPLES) {
      const first = [...sample.text.replace(/\s/g, '')][0]!;
      const drawn = items.filter((item) => item.text.includes(first));
      assert.ok(drawn.length > 0, `${sample.lang}: ${sample.text} is in the PDF's text`);
      assert.ok(drawn.every((item) => sample.face.test(item.font)), `${sample.lang} in ${sample.face}: ${[...new Set(drawn.map((item) => item.font))]}`);
    }
    const emoji = items.filter((item) => item.text.includes('🌍'));
    assert.ok(emoji.length > 0 && emoji.every((item) => /NotoEmoji/.test(item.font)), 'emoji in monochrome Noto Emoji');
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    for (const line of fonts) {
      assert.match(line, OUR_FACES, line);
      assert.match(line, /CID TrueType\s+Identity-H\s+yes yes yes/, line);
    }
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
    for (const sample of SAMPLES.filter((entry) => !['ar', 'he', 'th'].includes(entry.lang))) assert.ok(squeeze(text).includes(squeeze(sample.text)), `pdftotext finds ${sample.text}`);
  });

  test('readers that ignore ActualText (pdf.js, MuPDF) read Thai, Devanagari and Bengali clusters as their characters, not U+0000', async () => {
    const items = (await textWithFonts(pdf)).filter((item) => /[\u0900-\u09ff\u0e00-\u0e7f]/.test(item.text));
    assert.ok(items.length > 0);
    assert.deepEqual(items.filter((item) => item.text.includes('\0')).map((item) => item.text), []);
    // Shaped Thai as written: the tone mark over a vowel and the thanthakhat are glyphs the font's cmap does not reach.
    assert.ok(items.map((item) => item.text).join('').includes('ทั้งหลาย'));
  });

  test('right-to-left passages keep their direction in the HTML edition and the EPUB', async () => {
    const html = readFileSync(path.join(out, 'all-human-beings.html'), 'utf8');
    for (const lang of ['ar', 'fa', 'ur', 'he']) assert.match(html, new RegExp(`<div lang="${lang}" dir="rtl">`), lang);
    assert.doesNotMatch(html, /<div lang="(ru|ja|hi)" dir=/);
    const bytes = new Uint8Array(readFileSync(path.join(out, 'all-human-beings.epub')));
    assert.match(openEpub(bytes).text('OEBPS/02-right-to-left.xhtml'), /<div lang="ar" dir="rtl" xml:lang="ar">/);
    const report = await epubcheck(bytes);
    assert.deepEqual([report.checker.nFatal, report.checker.nError, report.checker.nWarning], [0, 0, 0], describeProblems(report));
  });

  test('the HTML edition at 390 px draws every passage with its shipped face, none from the machine', async () => {
    const fontFiles = readdirSync(path.join(out, 'all-human-beings-fonts'));
    assert.ok(fontFiles.some((file) => file.startsWith('noto-serif-kr')) && !fontFiles.some((file) => file.startsWith('source-code-pro')), 'only the faces the text uses');
    const page = await session.browser.newPage();
    try {
      await page.setViewport({ width: 390, height: 844 });
      await page.goto(pathToFileURL(path.join(out, 'all-human-beings.html')).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const cdp = await page.createCDPSession();
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      for (const sample of SAMPLES) {
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `div[lang="${sample.lang}"] p` });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        assert.ok(fonts.length > 0, sample.lang);
        for (const font of fonts) assert.ok(font.isCustomFont, `${sample.lang}: ${font.glyphCount} glyphs from the machine's ${font.familyName}`);
        assert.ok(fonts.some((font) => sample.face.test(font.postScriptName)), `${sample.lang} in ${sample.face}: ${JSON.stringify(fonts)}`);
      }
    } finally {
      await page.close();
    }
  });
});

describe('a right-to-left book', () => {
  const dir = copyFixture('arabic-book');
  const out = path.join(path.dirname(dir), 'out');
  let build: ReturnType<typeof runZine>;
  before(() => {
    build = runZine(['build', dir, '--out', out], path.dirname(dir));
  });
  after(() => rmSync(path.dirname(dir), { recursive: true, force: true }));
  const file = (suffix: string) => path.join(out, `lln-llmy-lhqwq-lnsn${suffix}`);

  test('builds every output under a transliterated name, with Arabic labels', () => {
    assert.equal(build.status, 0, build.stderr);
    assert.doesNotMatch(build.stderr, /warning/);
    const html = readFileSync(file('.html'), 'utf8');
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /المحتويات/);
    assert.match(html, /<section class="chapter" id="[^"]+" lang="en" dir="ltr">/, 'the English chapter is left to right inside the book');
  });

  test('the EPUB progresses right to left and passes EPUBCheck', async () => {
    const bytes = new Uint8Array(readFileSync(file('.epub')));
    const epub = openEpub(bytes);
    assert.match(epub.text('OEBPS/content.opf'), /<spine toc="ncx" page-progression-direction="rtl">/);
    assert.match(epub.text('OEBPS/toc.xhtml'), /dir="rtl"/);
    // The landmarks are named in the book's language too.
    assert.match(epub.text('OEBPS/toc.xhtml'), /<a epub:type="cover" href="cover.xhtml">الغلاف<\/a>/);
    const report = await epubcheck(bytes);
    assert.deepEqual([report.checker.nFatal, report.checker.nError, report.checker.nWarning], [0, 0, 0], describeProblems(report));
  });

  test('the PDF mirrors: page numbers on the outer edge, left on odd pages and right on even ones', () => {
    const pages = words(file('.pdf'));
    let checked = 0;
    for (const [index, page] of pages.entries()) {
      const folio = page.words.find((word) => word.text === String(index + 1) && word.yMin > page.height - 60);
      if (!folio) continue;
      checked++;
      if ((index + 1) % 2 === 1) assert.ok(folio.xMin < page.width / 2, `page ${index + 1}: its number on the left (${folio.xMin})`);
      else assert.ok(folio.xMin > page.width / 2, `page ${index + 1}: its number on the right (${folio.xMin})`);
    }
    assert.ok(checked >= 3, `${checked} page numbers found`);
    const contents = squeeze(execFileSync('pdftotext', ['-f', '2', '-l', '2', file('.pdf'), '-'], { encoding: 'utf8' }));
    assert.ok(contents.includes('المحتويات'), `the contents are titled in Arabic: ${contents}`);
  });

  test('the booklet is bound on the right: its first side has the cover on the left half, the last page on the right', () => {
    const [first] = words(file('-booklet.pdf'));
    const arabic = first!.words.filter((word) => /\p{Script=Arabic}/u.test(word.text));
    const english = first!.words.filter((word) => /^[A-Za-z]+[.,]?$/.test(word.text));
    assert.ok(arabic.length >= 4 && english.length >= 10, `the cover and the last page (English) are on the first side: ${first!.words.map((word) => word.text).join(' ')}`);
    assert.ok(arabic.every((word) => word.xMax < first!.width / 2), `the cover on the left half: ${arabic.map((word) => word.xMin)}`);
    assert.ok(english.every((word) => word.xMin > first!.width / 2), 'the back page on the right half');
  });
});

/** Each page's words with their boxes, as poppler reads them (it puts Arabic back in reading order). */
function words(pdf: string): { width: number; height: number; words: { text: string; xMin: number; xMax: number; yMin: number }[] }[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, width, height, body]) => ({
    width: Number(width),
    height: Number(height),
    words: [...body!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(([, xMin, yMin, xMax, text]) => ({
      text: text!,
      xMin: Number(xMin),
      xMax: Number(xMax),
      yMin: Number(yMin),
    })),
  }));
}

test("the seed PDF's text layer has words, not soft hyphens, for poppler and for pdf.js (which ignores ActualText)", async () => {
  const dir = copyFixture(path.resolve('manuscript'));
  const out = path.join(path.dirname(dir), 'out');
  try {
    const build = runZine(['build', dir, '--out', out, '--only', 'pdf'], path.dirname(dir));
    assert.equal(build.status, 0, build.stderr);
    const text = execFileSync('pdftotext', [path.join(out, 'kazakhstan-after-the-uprising.pdf'), '-'], { encoding: 'utf8' });
    assert.ok(!text.includes('\u00ad'), 'no U+00AD');
    for (const word of ['according', 'different', 'perspectives', 'Kazakhstan']) assert.ok(text.includes(word), `pdftotext finds "${word}"`);
    // A viewer built on pdf.js (Firefox's) reads the glyphs, not ActualText: a hyphenation point inside a line must not
    // read as a space there. It finds every long word of the manuscript that poppler finds.
    const viewer = await openPdf(new Uint8Array(readFileSync(path.join(out, 'kazakhstan-after-the-uprising.pdf'))));
    let viewerText = '';
    for (let number = 1; number <= viewer.numPages; number++) viewerText += `${(await (await viewer.getPage(number)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('')}\n`;
    await viewer.destroy();
    const words = new Set(readdirSync(dir).filter((name) => name.endsWith('.md')).flatMap((name) => readFileSync(path.join(dir, name), 'utf8').match(/\p{Script=Latin}{9,}/gu) ?? []));
    const unfound = (layer: string) => [...words].filter((word) => !layer.replace(/[-\u2010\n]/g, '').includes(word));
    assert.ok(words.size > 300);
    assert.deepEqual(unfound(viewerText), unfound(text), 'long words pdf.js reads apart (poppler does not)');
    assert.doesNotMatch(build.stderr, /warning/, 'the seed builds without a warning');
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});
