// The HTML edition carries its own fonts: only the subsets its text needs, and a browser without CJK fonts shows real glyphs.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { codePointsOf, faceHolders, parseUnicodeRange, rangesCoverAny, readFontFaces } from '../scripts/fonts/index.ts';
import { openPrintSession, type PrintSession } from '../scripts/print/index.ts';
import { runZine, SEED_DIR } from './helpers/fixture.ts';

const SLUG = 'kazakhstan-after-the-uprising';
const out = mkdtempSync(path.join(tmpdir(), 'zine-html-fonts-'));
const result = runZine(['build', SEED_DIR, '--out', out, '--only', 'html']);
const pageFile = path.join(out, `${SLUG}.html`);
const html = readFileSync(pageFile, 'utf8');
const page = fromHtml(html);

interface DeclaredFace {
  family: string;
  weight: string;
  url: string;
  ranges: [number, number][];
}

/** The @font-face rules of the page's stylesheet. */
function declaredFaces(): DeclaredFace[] {
  const css = toString(select('style', page)!);
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, rule]) => ({
    family: /font-family:\s*'([^']+)'/.exec(rule!)![1]!,
    weight: /font-weight:\s*(\d+)/.exec(rule!)![1]!,
    url: /url\('([^']+)'\)/.exec(rule!)![1]!,
    ranges: parseUnicodeRange(/unicode-range:\s*([^;]+);/.exec(rule!)![1]!),
  }));
}

/** Han characters and CJK punctuation on the page. */
const cjkOnPage = () => [...codePointsOf(toString(select('body', page)!))].filter((point) => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(String.fromCodePoint(point)));

test('the seed builds its HTML edition', () => assert.equal(result.status, 0, result.stderr));

test('every font file the page names lies beside it, in <slug>-fonts/', () => {
  const faces = declaredFaces();
  assert.ok(faces.length > 0);
  for (const face of faces) {
    assert.match(face.url, new RegExp(`^${SLUG}-fonts/[\\w.-]+\\.woff2$`));
    assert.ok(existsSync(path.join(out, face.url)), `${face.url} exists`);
  }
  assert.deepEqual(readdirSync(path.join(out, `${SLUG}-fonts`)).sort(), [...new Set(faces.map((face) => path.basename(face.url)))].sort(), 'no file the page does not use');
});

test('Noto Serif SC, regular and bold, covers every Chinese character on the page', () => {
  const cjk = cjkOnPage();
  assert.ok(cjk.length > 300, `${cjk.length} distinct CJK characters`);
  for (const weight of ['400', '700']) {
    const faces = declaredFaces().filter((face) => face.family === 'Noto Serif SC' && face.weight === weight);
    const missing = cjk.filter((point) => !faces.some((face) => rangesCoverAny(face.ranges, [point])));
    assert.deepEqual(missing.map((point) => String.fromCodePoint(point)), [], `weight ${weight}`);
  }
});

test('ships only the subsets the text needs: a fraction of the CJK font, a few MB at most', async () => {
  const all = (await readFontFaces()).filter((face) => face.family === 'Noto Serif SC');
  const shipped = declaredFaces().filter((face) => face.family === 'Noto Serif SC');
  assert.ok(shipped.length < all.length / 2, `${shipped.length} of ${all.length} Noto Serif SC subset files`);
  const folder = path.join(out, `${SLUG}-fonts`);
  const bytes = readdirSync(folder).reduce((sum, name) => sum + statSync(path.join(folder, name)).size, 0);
  assert.ok(bytes < 3_000_000, `${bytes} bytes of fonts`);
});

describe('in a browser without CJK fonts, at phone width', () => {
  let session: PrintSession;
  before(async () => {
    session = await openPrintSession();
  });
  after(() => session?.close());

  test('the Chinese chapter and notes are drawn with the shipped fonts only', async () => {
    const browserPage = await session.browser.newPage();
    try {
      await browserPage.setViewport({ width: 390, height: 844 });
      await browserPage.goto(`file://${pageFile}`, { waitUntil: 'load' });
      await browserPage.evaluate(() => document.fonts.ready.then(() => undefined));
      const cdp = await browserPage.createCDPSession();
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      for (const selector of ['#zine-chapter-interview-almaty > h1', '#zine-chapter-interview-almaty > p', '#note-3 p']) {
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        assert.ok(fonts.length > 0, selector);
        for (const font of fonts) assert.ok(font.isCustomFont, `${selector}: ${font.glyphCount} glyphs from the system font ${font.familyName}`);
        assert.ok(fonts.some((font) => /Noto Serif SC/.test(font.familyName)), `${selector}: ${JSON.stringify(fonts)}`);
      }
      // Latin inside Chinese (the subtitle's 阿拉木图(Almaty), Latin words in the interview) is drawn in the Latin face.
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[lang="und-Latn"]' });
      assert.ok(nodeIds.length > 0, 'Latin runs inside Chinese are tagged');
      for (const nodeId of nodeIds) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        assert.deepEqual([...new Set(fonts.map((font) => font.familyName))], ['Source Serif 4'], JSON.stringify(fonts));
      }
    } finally {
      await browserPage.close();
    }
  });
});

test('unicode-range values parse into intervals', () => {
  assert.deepEqual(parseUnicodeRange('U+0460-052F,U+20B4, U+4??'), [
    [0x460, 0x52f],
    [0x20b4, 0x20b4],
    [0x400, 0x4ff],
  ]);
  assert.ok(rangesCoverAny(parseUnicodeRange('U+4E00-9FFF'), codePointsOf('a中')));
  assert.ok(!rangesCoverAny(parseUnicodeRange('U+4E00-9FFF'), codePointsOf('abc')));
});

test("a family's faces holding a code point: the indexed lookup agrees with every face's own unicode-range", async () => {
  const [faces, holds] = await Promise.all([readFontFaces(), faceHolders()]);
  for (const family of new Set(faces.map((face) => face.family))) {
    const own = faces.filter((face) => face.family === family);
    // Every 37th code point to the end of the CJK extensions, and both ends (and past them) of every 20th range.
    const ends = own.flatMap((face) => face.ranges.filter((_, index) => index % 20 === 0).flatMap(([start, end]) => [start - 1, start, end, end + 1]));
    const points = new Set([...Array.from({ length: 0x32000 / 37 }, (_, index) => index * 37), ...ends]);
    for (const point of points) {
      const expected = own.filter((face) => face.ranges.some(([start, end]) => point >= start && point <= end));
      assert.deepEqual(holds(family.toUpperCase(), point), expected, `${family} U+${point.toString(16)}`);
    }
  }
  assert.deepEqual(holds('No Such Family', 0x41), []);
});
