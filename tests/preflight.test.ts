// `zine preflight` through the CLI: a manuscript with coarse images, a thin inner margin and booklet blanks gets each
// finding at its exact place; finished PDFs with an unembedded font, text past the trim or RGB in a PDF/X fail.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { PDFDocument, PDFName, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { checkPdf } from '../scripts/preflight/checks.ts';
import { readPdfFacts } from '../scripts/preflight/read-pdf.ts';
import { copyFixture, runZine } from './helpers/fixture.ts';
import { makeNumberedPdf } from './impose-fixtures.ts';

const ZINE_YAML = `title: A Minimal Zine
lang: en
identifier: urn:uuid:00000000-0000-4000-8000-000000000001
date: 2024-05-01
chapters:
  - 01-first.md
  - 02-second.md
cover: images/cover.png
print:
  tone: photocopy
  margins:
    inner: 2mm
booklet:
  signatureSheets: "2-3"
`;

/** The findings of one rule, as `file:line:column  severity` and the message (paths relative to the manuscript). */
function findings(stderr: string, dir: string, rule: string): string[] {
  return stderr.split('\n').filter((line) => line.trimEnd().endsWith(rule)).map((line) => {
    const [place, severity, ...rest] = line.split(/\s{2,}/);
    return `${path.relative(dir, path.resolve(place!))}  ${severity}  ${rest.slice(0, -1).join('  ')}`;
  });
}

describe('zine preflight on a manuscript', async () => {
  const dir = copyFixture('minimal');
  const out = mkdtempSync(path.join(tmpdir(), 'zine-preflight-'));
  writeFileSync(path.join(dir, 'zine.yaml'), ZINE_YAML);
  await sharp({ create: { width: 900, height: 300, channels: 3, background: '#808080' } }).png().toFile(path.join(dir, 'images/medium.png'));
  await sharp({ create: { width: 600, height: 900, channels: 3, background: '#c81e1e' } }).png().toFile(path.join(dir, 'images/cover.png'));
  writeFileSync(path.join(dir, '02-second.md'), '# The Second Chapter\n\nA short chapter with a photograph.\n\n![A medium photograph](images/medium.png)\n');
  const first = runZine(['preflight', dir, '--out', out]);
  const again = runZine(['preflight', dir, '--out', out]);

  test('exit 1 on errors; a second run checks the build it finds up to date', () => {
    assert.equal(first.status, 1, first.stderr);
    assert.match(first.stderr, /zine: pdf /);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /is newer than the manuscript: checking it as built/);
    assert.doesNotMatch(again.stderr, /zine: pdf /);
  });

  test('low-resolution-image: the figure line, the printed size, the ppi and the pixels needed; warn below 250', () => {
    assert.deepEqual(findings(first.stderr, dir, 'low-resolution-image'), [
      'zine.yaml:8:8  error  Image `images/cover.png` prints at 132 × 144 mm on page 1 from 600 × 652 pixels: 115 ppi (below 150, it will look coarse); 1557 × 1696 pixels would give 300 ppi',
      '01-first.md:7:1  error  Image `images/square.png` prints at 11 × 11 mm on page 3 from 40 × 40 pixels: 96 ppi (below 150, it will look coarse); 125 × 125 pixels would give 300 ppi',
      '02-second.md:5:1  warning  Image `images/medium.png` prints at 132 × 44 mm on page 4 from 900 × 300 pixels: 172 ppi (below 250, it may look soft); 1560 × 522 pixels would give 300 ppi',
    ]);
  });

  test('binding-margin: with a 2 mm inner margin the text and figures lie within 4 mm of the spine, on the spine side of each page', () => {
    const found = findings(first.stderr, dir, 'binding-margin');
    assert.ok(found.includes('01-first.md:1:3  warning  5 lines of text (among them "The First Chapter") are within 4 mm of the spine on page 3: they may disappear into the binding'), found.join('\n'));
    assert.ok(found.includes('02-second.md:5:1  warning  Image `images/medium.png` is within 4 mm of the spine on page 4: part of it may disappear into the binding'), found.join('\n'));
    assert.ok(found.every((line) => !/page 1:/.test(line)), 'the cover is not checked');
  });

  test('booklet-blanks: signatures of 2 sheets (the range 2-3 adds fewest blanks) add 4 blank pages to 4', () => {
    assert.deepEqual(findings(first.stderr, dir, 'booklet-blanks'), [
      'zine.yaml:1:1  warning  The booklet adds 4 blank pages before the back cover (the zine has 4 pages, its sheets hold 8)',
    ]);
  });

  test('photocopy tone: the colour cover was printed grey, so no colour-image finding', () => {
    assert.deepEqual(findings(first.stderr, dir, 'colour-image'), []);
  });
});

describe('zine preflight on a finished PDF', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'zine-preflight-pdf-'));

  test('an unembedded font and text past the trim are errors at the PDF', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([300, 400]).drawText('This line runs off the edge of the page', { x: 150, y: 200, size: 12, font });
    const file = path.join(folder, 'off-edge.pdf');
    writeFileSync(file, await doc.save());
    const result = runZine(['preflight', file]);
    assert.equal(result.status, 1);
    assert.deepEqual(findings(result.stderr, folder, 'font-not-embedded'), ['off-edge.pdf:1:1  error  The font Helvetica is not embedded: the print shop\'s machine would set its text in another']);
    assert.deepEqual(findings(result.stderr, folder, 'past-trim'), ['off-edge.pdf:1:1  error  Text "This line runs off the edge of" runs past the trim on page 1 and will be cut off']);
  });

  test('RGB in a file that claims PDF/X is an error naming the pages', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 400]);
    doc.addPage([300, 400]).drawRectangle({ x: 10, y: 10, width: 50, height: 50, color: rgb(1, 0, 0) });
    const intent = doc.context.obj({ Type: 'OutputIntent', S: 'GTS_PDFX', OutputConditionIdentifier: 'Custom' });
    doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([intent]));
    const file = path.join(folder, 'rgb-x.pdf');
    writeFileSync(file, await doc.save());
    const result = runZine(['preflight', file]);
    assert.equal(result.status, 1);
    assert.deepEqual(findings(result.stderr, folder, 'rgb-in-pdfx'), ['rgb-x.pdf:1:1  error  rgb-x.pdf is a PDF/X but uses RGB colour on page 2: a CMYK press needs CMYK or grey']);
  });

  test('a file that is missing or not a PDF is an error, not a crash', () => {
    const file = path.join(folder, 'not.pdf');
    writeFileSync(file, 'not a pdf');
    const result = runZine(['preflight', file]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /not\.pdf:1:1\s+error\s+Cannot read the PDF to check: .*No PDF header found\s+unreadable-pdf/);
  });

  test('a clean PDF with an embedded font passes: exit 0', async () => {
    const file = path.join(folder, 'clean.pdf');
    writeFileSync(file, await makeNumberedPdf(4, { font: 'embedded' }));
    const result = runZine(['preflight', file]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /ready to print/);
  });

  test('colour-image: a colour picture is found when the tone asks for grey, a grey one is not', async () => {
    const doc = await PDFDocument.create();
    const red = await doc.embedPng(await sharp({ create: { width: 600, height: 600, channels: 3, background: '#d02020' } }).png().toBuffer());
    const grey = await doc.embedPng(await sharp({ create: { width: 600, height: 600, channels: 3, background: '#777777' } }).png().toBuffer());
    const page = doc.addPage([300, 400]);
    page.drawImage(red, { x: 50, y: 50, width: 100, height: 100 });
    page.drawImage(grey, { x: 50, y: 200, width: 100, height: 100 });
    const facts = await readPdfFacts(await doc.save());
    assert.deepEqual(facts.pages[0]!.images.map((image) => [image.colour, image.pixels.width, Math.round(image.box.right - image.box.left)]), [[true, 600, 100], [false, 600, 100]]);
    const found = checkPdf(facts, { binding: 'left', bindingMargin: 0, greyscale: true });
    assert.deepEqual(found.map((finding) => finding.rule), ['colour-image']);
    assert.deepEqual(checkPdf(facts, { binding: 'left', bindingMargin: 0, greyscale: false }), []);
  });
});
