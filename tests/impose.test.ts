// The impose stage end to end: fixture PDFs imposed, then read back with pdfjs (sizes, text positions, rotation, paths).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { addPrintMarks, ImposeError, imposeBooklet, imposeMinizine } from '../scripts/impose/index.ts';
import { readLanguage } from '../scripts/impose/imposed-document.ts';
import { signatureHint } from '../scripts/impose/signature-hint.ts';
import { A5, A6, A7, FIXTURE_DATE, HALF_LETTER, labelPosition, makeNumberedPdf } from './impose-fixtures.ts';
import { readPdfPaths } from './pdf-paths.ts';
import { readPageFonts, readPdfText, type PdfPageText, type PdfTextItem } from './pdf-text.ts';

const A4_LANDSCAPE = [841.89, 595.28];

function close(actual: number, expected: number, message?: string): void {
  assert.ok(Math.abs(actual - expected) < 0.01, `${message ?? ''} expected ${expected}, got ${actual}`);
}

function labelNumber(item: PdfTextItem): number {
  const match = /^PAGE (\d+)$/.exec(item.text);
  assert.ok(match, `unexpected text "${item.text}"`);
  return Number(match[1]);
}

/** The label left of the fold and right of it on one sheet side (0 for a blank half). */
function halves(page: PdfPageText): [PdfTextItem | undefined, PdfTextItem | undefined] {
  const left = page.items.filter((item) => item.x < page.width / 2);
  const right = page.items.filter((item) => item.x >= page.width / 2);
  assert.ok(left.length <= 1 && right.length <= 1, `more than one page per half: ${JSON.stringify(page.items)}`);
  return [left[0], right[0]];
}

function sideNumbers(pages: PdfPageText[]): number[][] {
  return pages.map((page) => halves(page).map((item) => (item ? labelNumber(item) : 0)));
}

function sheetSizes(pages: PdfPageText[]): number[][] {
  return pages.map((page) => [page.width, page.height]);
}

/** Indirect objects of a PDF matching `predicate` (parsed with pdf-lib). */
async function countObjects(pdf: Uint8Array, predicate: (object: unknown) => boolean): Promise<number> {
  const doc = await PDFDocument.load(pdf);
  return doc.context.enumerateIndirectObjects().filter(([, object]) => predicate(object)).length;
}

const isXObject = (subtype: string) => (object: unknown) =>
  object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of(subtype);

describe('imposeBooklet', () => {
  test('8 A5 pages: four A4 landscape sides in fold order [8,1] [2,7] [6,3] [4,5]', async () => {
    const pages = await readPdfText(await imposeBooklet(await makeNumberedPdf(8)));
    assert.deepEqual(sheetSizes(pages), Array(4).fill(A4_LANDSCAPE));
    assert.deepEqual(sideNumbers(pages), [[8, 1], [2, 7], [6, 3], [4, 5]]);
  });

  test('pads to a multiple of 4 with blanks before the back cover', async () => {
    const pages = await readPdfText(await imposeBooklet(await makeNumberedPdf(6)));
    assert.deepEqual(sideNumbers(pages), [[6, 1], [2, 0], [0, 3], [4, 5]]);
  });

  test('auto sheet: half-letter pages on Letter, A6 pages on A5', async () => {
    const letter = await readPdfText(await imposeBooklet(await makeNumberedPdf(4, { size: HALF_LETTER })));
    assert.deepEqual(sheetSizes(letter), [[792, 612], [792, 612]]);
    const a5 = await readPdfText(await imposeBooklet(await makeNumberedPdf(4, { size: A6 })));
    assert.deepEqual(sheetSizes(a5), [[595.28, 419.53], [595.28, 419.53]]);
    assert.deepEqual(sideNumbers(a5), [[4, 1], [2, 3]]);
  });

  test('an explicit smaller sheet scales the pages to fit, centred in each half', async () => {
    const [front] = await readPdfText(await imposeBooklet(await makeNumberedPdf(4), { sheet: 'letter' }));
    assert.deepEqual([front!.width, front!.height], [792, 612]);
    const scale = 396 / A5[0];
    const label = labelPosition(A5);
    const [left, right] = halves(front!);
    close(left!.size, label.size * scale, 'scaled font size');
    close(left!.x, label.x * scale, 'left page x');
    close(right!.x, 396 + label.x * scale, 'right page x');
    close(left!.y, 306, 'vertically centred');
  });

  test('an explicit larger sheet keeps pages at 100 %, centred in each half', async () => {
    const [front] = await readPdfText(await imposeBooklet(await makeNumberedPdf(4), { sheet: 'a3' }));
    assert.deepEqual([front!.width, front!.height], [1190.55, 841.89]);
    const label = labelPosition(A5);
    const [left, right] = halves(front!);
    close(left!.size, label.size);
    close(left!.x, (1190.55 / 2 - A5[0]) / 2 + label.x);
    close(right!.x, 1190.55 / 2 + (1190.55 / 2 - A5[0]) / 2 + label.x);
    close(right!.y, 841.89 / 2);
  });

  test('signatures: each folded booklet holds consecutive pages; padding only before the back cover', async () => {
    const pages = await readPdfText(await imposeBooklet(await makeNumberedPdf(14), { signatureSheets: 2 }));
    assert.deepEqual(sideNumbers(pages), [
      [8, 1], [2, 7], [6, 3], [4, 5],
      [14, 9], [10, 0], [0, 11], [12, 13],
    ]);
  });

  test('creep moves the pages of inner sheets toward the fold, linearly up to the full amount', async () => {
    const source = await makeNumberedPdf(12);
    const plain = await readPdfText(await imposeBooklet(source));
    const crept = await readPdfText(await imposeBooklet(source, { creep: 6 }));
    const shifts = crept.map((page, index) => halves(page).map((item, half) => item!.x - halves(plain[index]!)[half]!.x));
    const expected = [0, 0, 3, 3, 6, 6].map((shift) => [shift, -shift]);
    shifts.flat().forEach((shift, index) => close(shift, expected.flat()[index]!, `side ${index >> 1}`));
  });

  test('creep restarts in every signature', async () => {
    const source = await makeNumberedPdf(16);
    const plain = await readPdfText(await imposeBooklet(source, { signatureSheets: 2 }));
    const crept = await readPdfText(await imposeBooklet(source, { signatureSheets: 2, creep: 4 }));
    const leftShifts = crept.map((page, index) => halves(page)[0]!.x - halves(plain[index]!)[0]!.x);
    [0, 0, 4, 4, 0, 0, 4, 4].forEach((shift, index) => close(leftShifts[index]!, shift, `side ${index}`));
  });

  test('each page is clipped to its half of the sheet, so creep never pushes it across the fold', async () => {
    const paths = await readPdfPaths(await imposeBooklet(await makeNumberedPdf(4), { creep: 8 }), 1);
    const clips = paths.filter((path) => path.kind === 'clip').map((p) => [p.minX, p.minY, p.maxX, p.maxY].map(Math.round));
    assert.deepEqual(clips, [[0, 0, 421, 595], [421, 0, 842, 595]]);
  });

  test('source pages without any content are imposed as blanks', async () => {
    const pages = await readPdfText(await imposeBooklet(await makeNumberedPdf(4, { emptyPages: [2] })));
    assert.deepEqual(sideNumbers(pages), [[4, 1], [0, 3]]);
  });

  test('embedded fonts stay embedded (once), text stays text, and each page is embedded once', async () => {
    const booklet = await imposeBooklet(await makeNumberedPdf(4, { font: 'embedded' }));
    const hasFontFile = (object: unknown) => object instanceof PDFDict && object.has(PDFName.of('FontFile2'));
    assert.equal(await countObjects(booklet, hasFontFile), 1);
    assert.equal(await countObjects(booklet, isXObject('Form')), 4);
    assert.equal(await countObjects(booklet, isXObject('Image')), 0);
    const pages = await readPdfText(booklet);
    assert.deepEqual(sideNumbers(pages), [[4, 1], [2, 3]]);
    assert.deepEqual(await readPageFonts(booklet, 1), [{ name: 'LiberationSans', embedded: true }]);
  });

  test('bad options and unreadable input are ImposeErrors', async () => {
    const source = await makeNumberedPdf(4);
    await assert.rejects(imposeBooklet(source, { signatureSheets: 0 }), ImposeError);
    await assert.rejects(imposeBooklet(source, { sheet: 'b5' as 'a4' }), ImposeError);
    await assert.rejects(imposeBooklet(new TextEncoder().encode('not a pdf')), ImposeError);
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    await assert.rejects(imposeBooklet(empty), /no pages/);
  });
});

describe('imposeMinizine', () => {
  const [width, height] = A4_LANDSCAPE as [number, number];
  /** Expected panel (column from the left, row from the top) and text angle of each zine page. */
  const layout: Record<number, [number, number, number]> = {
    5: [0, 0, 180], 4: [1, 0, 180], 3: [2, 0, 180], 2: [3, 0, 180],
    6: [0, 1, 0], 7: [1, 1, 0], 8: [2, 1, 0], 1: [3, 1, 0],
  };

  /** Where a label must start: centred in its panel, mirrored through the panel centre when upside down. */
  function expectedOrigin(column: number, row: number, rotated: boolean, page: [number, number], scale: number) {
    const label = labelPosition(page);
    const cell = { x: (column * width) / 4, y: row === 0 ? height / 2 : 0, width: width / 4, height: height / 2 };
    const dx = (cell.width - page[0] * scale) / 2 + label.x * scale;
    const dy = (cell.height - page[1] * scale) / 2 + label.y * scale;
    return rotated ? { x: cell.x + cell.width - dx, y: cell.y + cell.height - dy } : { x: cell.x + dx, y: cell.y + dy };
  }

  test('8 A7 pages on one A4 landscape sheet: 5 4 3 2 upside down on top, 6 7 8 1 below', async () => {
    const pages = await readPdfText(await imposeMinizine(await makeNumberedPdf(8, { size: A7 })));
    assert.deepEqual(sheetSizes(pages), [A4_LANDSCAPE]);
    assert.equal(pages[0]!.items.length, 8);
    for (const item of pages[0]!.items) {
      const [column, row, angle] = layout[labelNumber(item)]!;
      assert.equal(item.angle, angle, `angle of ${item.text}`);
      const origin = expectedOrigin(column, row, angle === 180, A7, 1);
      close(item.x, origin.x, `${item.text} x`);
      close(item.y, origin.y, `${item.text} y`);
    }
  });

  test('A5 pages are scaled down to fit the panels', async () => {
    const [sheet] = await readPdfText(await imposeMinizine(await makeNumberedPdf(8)));
    for (const item of sheet!.items) {
      const [column, row, angle] = layout[labelNumber(item)]!;
      close(item.size, labelPosition(A5).size / 2, `${item.text} size`);
      const origin = expectedOrigin(column, row, angle === 180, A5, 0.5);
      close(item.x, origin.x, `${item.text} x`);
      close(item.y, origin.y, `${item.text} y`);
    }
  });

  test('fewer than 8 pages: blanks before the back cover', async () => {
    const [sheet] = await readPdfText(await imposeMinizine(await makeNumberedPdf(5, { size: A7 })));
    const panelOf = (item: PdfTextItem) => [Math.floor(item.x / (width / 4)), item.y > height / 2 ? 0 : 1];
    const placed = Object.fromEntries(sheet!.items.map((item) => [labelNumber(item), panelOf(item)]));
    const panel = (zinePage: number) => layout[zinePage]!.slice(0, 2);
    assert.deepEqual(placed, { 1: panel(1), 2: panel(2), 3: panel(3), 4: panel(4), 5: panel(8) });
  });

  test('more than 8 pages is an ImposeError that says so', async () => {
    await assert.rejects(imposeMinizine(await makeNumberedPdf(9, { size: A7 })), (error: unknown) => {
      assert.ok(error instanceof ImposeError);
      assert.match(error.message, /holds 8 pages but the PDF has 9/);
      return true;
    });
  });

  test('guides: dashed folds, a solid cut across the two centre panels; none by default', async () => {
    const source = await makeNumberedPdf(8, { size: A7 });
    const strokes = (await readPdfPaths(await imposeMinizine(source, { guides: true }))).filter((p) => p.kind === 'stroke');
    const solid = strokes.filter((p) => p.dash.length === 0);
    assert.equal(strokes.length - solid.length, 5);
    assert.equal(solid.length, 1);
    close(solid[0]!.minX, width / 4);
    close(solid[0]!.maxX, (3 * width) / 4);
    close(solid[0]!.minY, height / 2);
    close(solid[0]!.maxY, height / 2);
    const plain = await readPdfPaths(await imposeMinizine(source));
    assert.equal(plain.filter((p) => p.kind === 'stroke').length, 0);
  });
});

describe('addPrintMarks', () => {
  const box = (page: { x: number; y: number; width: number; height: number }) =>
    [page.x, page.y, page.x + page.width].concat(page.y + page.height).map((v) => Math.round(v * 100) / 100);

  test('TrimBox is the original page, BleedBox adds the bleed, MediaBox and CropBox add room for the marks', async () => {
    const marked = await PDFDocument.load(await addPrintMarks(await makeNumberedPdf(2), { bleed: 9 }));
    for (const page of marked.getPages()) {
      assert.deepEqual(box(page.getTrimBox()), [0, 0, 419.53, 595.28]);
      assert.deepEqual(box(page.getBleedBox()), [-9, -9, 428.53, 604.28]);
      assert.deepEqual(box(page.getMediaBox()), [-30, -30, 449.53, 625.28]);
      assert.deepEqual(box(page.getCropBox()), box(page.getMediaBox()));
    }
  });

  test('content stays where it was, clipped to the bleed box; eight crop marks outside the bleed', async () => {
    const marked = await addPrintMarks(await makeNumberedPdf(2), { bleed: 9 });
    const pages = await readPdfText(marked);
    assert.deepEqual(pages.map((page) => page.view), Array(2).fill([-30, -30, 449.53, 625.28]));
    const label = labelPosition(A5);
    pages.forEach((page, index) => {
      assert.equal(page.items[0]!.text, `PAGE ${index + 1}`);
      close(page.items[0]!.x, label.x);
      close(page.items[0]!.y, label.y);
    });
    const paths = await readPdfPaths(marked, 2);
    const clip = paths.find((path) => path.kind === 'clip')!;
    assert.deepEqual([clip.minX, clip.minY, clip.maxX, clip.maxY].map(Math.round), [-9, -9, 429, 604]);
    const marks = paths.filter((path) => path.kind === 'stroke');
    assert.equal(marks.length, 8);
    for (const mark of marks) {
      const outsideBleed = mark.maxX < -9 || mark.minX > 428.53 || mark.maxY < -9 || mark.minY > 604.28;
      const onTrimLine = [mark.minX, mark.minY].some((v) => [0, 419.53, 595.28].some((edge) => Math.abs(v - edge) < 0.01));
      assert.ok(outsideBleed && onTrimLine, JSON.stringify(mark));
    }
  });

  test('marks: false gives a media box equal to the bleed box and draws nothing', async () => {
    const marked = await addPrintMarks(await makeNumberedPdf(1), { bleed: 9, marks: false });
    const [page] = (await PDFDocument.load(marked)).getPages();
    assert.deepEqual(box(page!.getMediaBox()), [-9, -9, 428.53, 604.28]);
    assert.equal((await readPdfPaths(marked)).filter((path) => path.kind === 'stroke').length, 0);
  });

  test('a negative bleed is an ImposeError', async () => {
    await assert.rejects(addPrintMarks(await makeNumberedPdf(1), { bleed: -1 }), ImposeError);
  });
});

describe('reproducible output and metadata', () => {
  const impositions = {
    booklet: (pdf: Uint8Array, date?: Date) => imposeBooklet(pdf, { date }),
    minizine: (pdf: Uint8Array, date?: Date) => imposeMinizine(pdf, { date, guides: true }),
    printMarks: (pdf: Uint8Array, date?: Date) => addPrintMarks(pdf, { date }),
  };

  for (const [name, impose] of Object.entries(impositions)) {
    test(`${name}: same input, byte-identical output; the date option changes only the dates`, async () => {
      const source = await makeNumberedPdf(6);
      const first = await impose(source);
      assert.deepEqual(Buffer.from(await impose(source)), Buffer.from(first));
      const date = new Date('2025-01-02T03:04:05Z');
      const dated = await PDFDocument.load(await impose(source, date), { updateMetadata: false });
      assert.equal(dated.getCreationDate()?.toISOString(), date.toISOString());
      assert.equal(dated.getModificationDate()?.toISOString(), date.toISOString());
      const undated = await PDFDocument.load(first, { updateMetadata: false });
      assert.equal(undated.getCreationDate()?.toISOString(), FIXTURE_DATE.toISOString());
      assert.equal(undated.getProducer(), 'zine impose (pdf-lib)');
    });

    test(`${name}: title, author and language come from the source`, async () => {
      const imposed = await PDFDocument.load(await impose(await makeNumberedPdf(3)), { updateMetadata: false });
      assert.equal(imposed.getTitle(), 'Fixture Zine');
      assert.equal(imposed.getAuthor(), 'Test Author');
      assert.equal(readLanguage(imposed), 'kk');
    });
  }
});

test('signature hints: a 213-page booklet in one signature, a range that pads with blanks; none for a good choice', () => {
  const thick = signatureHint(213, undefined);
  assert.equal(thick?.ruleId, 'booklet-one-signature');
  assert.match(thick!.message, /one signature of 54 sheets \(213 pages\).*`booklet\.signatureSheets: 4-8`/);
  assert.equal(signatureHint(64, undefined), undefined, '16 sheets still fold');
  const padded = signatureHint(70, { min: 8, max: 8 });
  assert.deepEqual([padded?.ruleId, /adds 26 blank pages to 70 \(signatures of 8 sheets\)/.test(padded!.message)], ['booklet-blank-pages', true]);
  assert.equal(signatureHint(70, { min: 4, max: 8 }), undefined, 'the range finds 6 sheets: 72 pages, 2 blanks');
  assert.equal(signatureHint(213, 8), undefined, 'a fixed size ends in a shorter signature');
});
