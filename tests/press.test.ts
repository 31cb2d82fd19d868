// print.pdfx: the press PDF made by Ghostscript, read back with pdf-lib and pdf.js: PDF/X keys, boxes, output intent,
// CMYK only, fonts embedded, byte-identical rebuilds; a missing Ghostscript names its package.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { decodePDFRawStream, rgb, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString } from 'pdf-lib';
import { pageResources } from '../scripts/preflight/pdf-resources.ts';
import { pressPdf } from '../scripts/press/index.ts';
import { fontsNotEmbedded } from '../scripts/preflight/font-embedding.ts';
import { pagesWithRgb } from '../scripts/preflight/press-colour.ts';
import { MissingToolError } from '../scripts/tools/run-tool.ts';
import { copyFixture, runZine } from './helpers/fixture.ts';
import { makeNumberedPdf } from './impose-fixtures.ts';
import { readPageFonts, readPdfText } from './pdf-text.ts';

const text = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : String(value));
const rounded = (box: { x: number; y: number; width: number; height: number }) => [box.x, box.y, box.width, box.height].map((n) => Math.round(n));

function build(level: 'x1a' | 'x4', out: string) {
  const dir = copyFixture('minimal');
  const config = path.join(dir, 'zine.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8')}print:\n  pdfx: ${level}\n  cropMarks: true\n`);
  const result = runZine(['build', dir, '--out', out, '--only', 'pdf,press']);
  assert.equal(result.status, 0, result.stderr);
  return { dir, bytes: new Uint8Array(readFileSync(path.join(out, 'a-minimal-zine-press.pdf'))), reading: new Uint8Array(readFileSync(path.join(out, 'a-minimal-zine.pdf'))) };
}

describe('print.pdfx', async () => {
  process.env.SOURCE_DATE_EPOCH = '1714564800';
  const x1a = build('x1a', mkdtempSync(path.join(tmpdir(), 'zine-press-')));
  const x4 = build('x4', mkdtempSync(path.join(tmpdir(), 'zine-press-')));

  for (const [level, built, version, header] of [['x1a', x1a, 'PDF/X-1a:2003', '%PDF-1.4'], ['x4', x4, 'PDF/X-4', '%PDF-1.6']] as const) {
    test(`${level}: ${version} in the info dictionary and the XMP, header ${header}, Trapped False`, async () => {
      const doc = await PDFDocument.load(built.bytes, { updateMetadata: false });
      assert.equal(Buffer.from(built.bytes.subarray(0, 8)).toString('latin1'), header);
      const info = doc.context.lookup(doc.context.trailerInfo.Info) as PDFDict;
      assert.equal(text(info.get(PDFName.of('GTS_PDFXVersion'))), version);
      assert.equal(info.get(PDFName.of('Trapped')), PDFName.of('False'));
      assert.equal(doc.getTitle(), 'A Minimal Zine');
      const xmp = doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
      assert.match(Buffer.from(xmp.contents).toString('utf8'), new RegExp(`<pdfxid:GTS_PDFXVersion>${version}</pdfxid:GTS_PDFXVersion>`));
    });

    test(`${level}: one GTS_PDFX OutputIntent carrying a CMYK ICC profile`, async () => {
      const doc = await PDFDocument.load(built.bytes, { updateMetadata: false });
      const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
      assert.equal(intents.size(), 1);
      const intent = intents.lookup(0, PDFDict);
      assert.equal(intent.get(PDFName.of('S')), PDFName.of('GTS_PDFX'));
      assert.equal(text(intent.get(PDFName.of('OutputConditionIdentifier'))), 'Custom');
      const profile = intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream;
      assert.equal(profile.dict.get(PDFName.of('N'))?.toString(), '4');
      const bytes = Buffer.from(decodePDFRawStream(profile).decode());
      assert.equal(bytes.subarray(12, 16).toString('latin1'), 'prtr', 'an output-device profile');
      assert.equal(bytes.subarray(16, 20).toString('latin1'), 'CMYK', 'in CMYK');
    });

    test(`${level}: TrimBox is the A5 page and BleedBox 3 mm around it on every page, as in the reading PDF`, async () => {
      const doc = await PDFDocument.load(built.bytes, { updateMetadata: false });
      const reading = await PDFDocument.load(built.reading, { updateMetadata: false });
      assert.equal(doc.getPageCount(), reading.getPageCount());
      for (const page of doc.getPages()) {
        const [, , trimWidth, trimHeight] = rounded(page.getTrimBox());
        const [, , bleedWidth, bleedHeight] = rounded(page.getBleedBox());
        assert.deepEqual([trimWidth, trimHeight], [420, 595]);
        assert.deepEqual([bleedWidth - trimWidth, bleedHeight - trimHeight].map((n) => Math.abs(n - 17) <= 1), [true, true], `bleed ${bleedWidth}×${bleedHeight}`);
        assert.ok(page.getMediaBox().width >= page.getBleedBox().width);
      }
    });

    test(`${level}: every font embedded, no RGB anywhere, the text still text`, async () => {
      const doc = await PDFDocument.load(built.bytes, { updateMetadata: false });
      assert.deepEqual(fontsNotEmbedded(doc), []);
      assert.deepEqual(pagesWithRgb(doc), []);
      assert.ok(pagesWithRgb(await PDFDocument.load(built.reading)).length > 0, 'the reading PDF it came from does use RGB');
      const fonts = await readPageFonts(built.bytes, 3);
      assert.ok(fonts.length > 0 && fonts.every((font) => font.embedded), JSON.stringify(fonts));
      const pages = await readPdfText(built.bytes);
      assert.ok(pages[0]!.items.some((item) => item.text.includes('A Minimal Zine')));
      assert.ok(pages.every((page) => page.items.length > 0));
    });
  }

  test('preflight passes the press PDF (no RGB in the PDF/X)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'zine-press-check-'));
    const file = path.join(out, 'press.pdf');
    writeFileSync(file, x1a.bytes);
    const result = runZine(['preflight', file]);
    assert.doesNotMatch(result.stderr, /rgb-in-pdfx|font-not-embedded/);
    assert.match(result.stderr, /low-resolution-image/, 'the check ran: the fixture square is coarse');
  });

  test('the same manuscript and SOURCE_DATE_EPOCH give a byte-identical press PDF', () => {
    const again = build('x1a', mkdtempSync(path.join(tmpdir(), 'zine-press-')));
    assert.ok(Buffer.from(again.bytes).equals(Buffer.from(x1a.bytes)));
  });

  test('transparency is flattened: a half-transparent rectangle becomes an image, no soft alpha left', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]).drawRectangle({ x: 20, y: 20, width: 100, height: 100, color: rgb(1, 0, 0), opacity: 0.5 });
    const source = await doc.save();
    const alphaIn = (pdf: PDFDocument) =>
      pdf.getPages().flatMap((page) => pageResources(pdf, page).resources).flatMap((resources) => {
        const states = resources.lookup(PDFName.of('ExtGState'));
        return states instanceof PDFDict ? states.values().map((state) => pdf.context.lookup(state)) : [];
      }).filter((state) => state instanceof PDFDict && [PDFName.of('ca'), PDFName.of('CA')].some((key) => {
        const alpha = state.get(key);
        return alpha instanceof PDFNumber && alpha.asNumber() < 1;
      })).length;
    assert.equal(alphaIn(await PDFDocument.load(source)), 1, 'the source has one transparent graphics state');
    for (const level of ['x1a', 'x4'] as const) {
      const press = await PDFDocument.load(await pressPdf(source, { level, title: 'T', date: new Date(0) }));
      assert.equal(alphaIn(press), 0, level);
      assert.deepEqual(pagesWithRgb(press), [], level);
    }
  });

  test('without Ghostscript the build says which package to install', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await assert.rejects(pressPdf(await makeNumberedPdf(1), { level: 'x1a', title: 't', date: new Date(0) }), (error: unknown) => {
        assert.ok(error instanceof MissingToolError);
        assert.match(error.message, /needs `gs`, which is not installed: sudo apt-get install ghostscript/);
        return true;
      });
    } finally {
      process.env.PATH = saved;
    }
  });
});
