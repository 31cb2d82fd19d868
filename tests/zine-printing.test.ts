// Zine printing from a manuscript: the seed's booklet, a mini zine from chapters, crop marks, photocopy images.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { copyFixture, runZine, SEED_DIR } from './helpers/fixture.ts';
import { readPageFonts, readPdfText, type PdfPageText } from './pdf-text.ts';

const A4_LANDSCAPE = [841.89, 595.28];

function build(manuscript: string, only: string) {
  const out = mkdtempSync(path.join(tmpdir(), 'zine-print-out-'));
  const result = runZine(['build', manuscript, '--out', out, '--only', only]);
  assert.equal(result.status, 0, result.stderr);
  return { out, stderr: result.stderr };
}

const textOf = (page: PdfPageText, side: 'left' | 'right') =>
  page.items.filter((item) => (side === 'left' ? item.x < page.width / 2 : item.x >= page.width / 2)).map((item) => item.text).join(' ');

test('the seed booklet: (padded pages)/2 A4 landscape sides, cover and back cover on the first side, text and fonts kept', async () => {
  const { out } = build(SEED_DIR, 'pdf,booklet');
  const reading = new Uint8Array(readFileSync(path.join(out, 'kazakhstan-after-the-uprising.pdf')));
  const booklet = new Uint8Array(readFileSync(path.join(out, 'kazakhstan-after-the-uprising-booklet.pdf')));
  const pages = (await PDFDocument.load(reading)).getPageCount();
  const sides = await readPdfText(booklet);
  assert.equal(sides.length, Math.ceil(pages / 4) * 2);
  for (const side of sides) assert.deepEqual([side.width, side.height].map((n) => Math.round(n * 100) / 100), A4_LANDSCAPE);
  assert.match(textOf(sides[0]!, 'right'), /Kazakhstan after the/);
  assert.match(textOf(sides[0]!, 'left'), /Further Reading/);
  assert.match(textOf(sides[1]!, 'left'), /Contents/);
  const fonts = await readPageFonts(booklet, 2);
  assert.ok(fonts.length > 0 && fonts.every((font) => font.embedded), JSON.stringify(fonts));
});

test('a mini zine from a chapter range: one A4 sheet, top row upside down, guides drawn; crop marks and halftone images in the PDF', async () => {
  const dir = copyFixture('minimal');
  const config = path.join(dir, 'zine.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8')}minizine:\n  chapters: "1-2"\nprint:\n  tone: halftone\n  cropMarks: true\n`);
  const { out } = build(dir, 'pdf,minizine');
  const [sheet, ...more] = await readPdfText(new Uint8Array(readFileSync(path.join(out, 'a-minimal-zine-minizine.pdf'))));
  assert.equal(more.length, 0);
  assert.deepEqual([sheet!.width, sheet!.height].map((n) => Math.round(n * 100) / 100), A4_LANDSCAPE);
  const title = sheet!.items.find((item) => item.text.includes('A Minimal Zine'))!;
  assert.equal(title.angle, 0, 'the cover (page 1) is upright in the bottom row');
  assert.ok(title.y < sheet!.height / 2 && title.x > (sheet!.width * 3) / 4, `cover at ${title.x},${title.y}`);
  const upsideDown = sheet!.items.filter((item) => item.angle === 180);
  assert.ok(upsideDown.some((item) => item.y > sheet!.height / 2), 'pages 2–5 sit in the top row, turned 180°');

  const reading = await PDFDocument.load(readFileSync(path.join(out, 'a-minimal-zine.pdf')));
  const page = reading.getPage(0);
  const trim = page.getTrimBox();
  const media = page.getMediaBox();
  assert.deepEqual([Math.round(trim.width), Math.round(trim.height)], [420, 595]);
  assert.ok(media.width > trim.width + 16 && media.height > trim.height + 16, 'bleed and marks widen the page');
  const images = reading.context.enumerateIndirectObjects().flatMap(([, object]) => (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') ? [object.dict] : []));
  assert.ok(images.length > 0);
  for (const image of images) {
    assert.notEqual(image.get(PDFName.of('ColorSpace')), PDFName.of('DeviceRGB'), 'no colour image left');
    const bits = image.get(PDFName.of('BitsPerComponent'));
    assert.ok(bits instanceof PDFNumber && bits.asNumber() <= 8);
  }
});

test('the mini zine is skipped with a warning when the chapters do not fit on 8 pages', () => {
  const dir = copyFixture('minimal');
  const config = path.join(dir, 'zine.yaml');
  writeFileSync(path.join(dir, '01-first.md'), `${readFileSync(path.join(dir, '01-first.md'), 'utf8')}\n${`${'Long text to fill pages. '.repeat(100)}\n\n`.repeat(30)}`);
  writeFileSync(config, `${readFileSync(config, 'utf8')}minizine:\n  chapters: "1"\n`);
  const { stderr } = build(dir, 'minizine');
  assert.match(stderr, /warning\s+The mini zine needs at most 8 pages, chapters 1 make \d+.*minizine-too-long/);
});
