// Every layout's page order for 8, 12, 24 and 30 pages, bound left and right: the pure plans, and the imposed PDFs read
// back with pdf.js and "folded" by a model of what the reader does with the printed sheets; the --preview images.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { ImposeError, imposeLayout, planLayout, type Binding, type ImposeOptions, type LayoutName } from '../scripts/impose/index.ts';
import { chooseSignatureSheets, parseSignatureSheets } from '../scripts/impose/booklet-order.ts';
import type { ImpositionPlan } from '../scripts/impose/layout-plan.ts';
import { runZine } from './helpers/fixture.ts';
import { A6, makeNumberedPdf } from './impose-fixtures.ts';
import { readPdfText, type PdfPageText } from './pdf-text.ts';

const PAGE_COUNTS = [8, 12, 24, 30];
const BINDINGS: Binding[] = ['left', 'right'];

/** A sheet side as rows (top first) of cells (left first): the 1-based page in each, 0 for blank, and whether upside down. */
type Grid = Array<Array<{ page: number; rotated: boolean }>>;

/** What the finished zine reads, page by page: 1 … N − 1, the blanks the layout added, then the back cover N. */
function expectedReading(pageCount: number, blanks: number): number[] {
  return [...Array.from({ length: pageCount - 1 }, (_, i) => i + 1), ...Array<number>(blanks).fill(0), pageCount];
}

/** The grid of each printed side, read from the imposed PDF's text (`PAGE n` labels) by where each label starts. */
function gridsFromPdf(pages: PdfPageText[], columns: number, rows: number): Grid[] {
  return pages.map((page) => {
    const grid: Grid = Array.from({ length: rows }, () => Array.from({ length: columns }, () => ({ page: 0, rotated: false })));
    for (const item of page.items) {
      const match = /^PAGE (\d+)$/.exec(item.text);
      assert.ok(match, `unexpected text ${item.text}`);
      const column = Math.floor(item.x / (page.width / columns));
      const row = rows - 1 - Math.floor(item.y / (page.height / rows));
      assert.equal(grid[row]![column]!.page, 0, `two pages in one cell of a side: ${item.text}`);
      grid[row]![column] = { page: Number(match[1]), rotated: item.angle === 180 };
    }
    return grid;
  });
}

/** The same grids from the pure plan. */
function gridsFromPlan(plan: ImpositionPlan): Grid[] {
  return plan.sides.map((side) => {
    const grid: Grid = Array.from({ length: plan.rows }, () => Array.from({ length: plan.columns }, () => ({ page: 0, rotated: false })));
    for (const placed of side) grid[placed.row]![placed.column] = { page: placed.slot === null ? 0 : placed.slot + 1, rotated: placed.rotated };
    return grid;
  });
}

/** A folded sheet of a saddle-stitched signature: its front and back, each [left of the fold, right of it]. */
interface FoldedSheet {
  front: [number, number];
  back: [number, number];
}

/**
 * Nest the sheets into signatures, outermost first, and read: down the first halves (front right, back left of each
 * sheet, for left binding), then back up the second halves. Right binding reads the mirror image.
 */
function readSaddleStitched(sheets: FoldedSheet[], sheetsPerSignature: number, binding: Binding): number[] {
  const [near, far] = binding === 'left' ? [1, 0] : [0, 1];
  const pages: number[] = [];
  for (let start = 0; start < sheets.length; start += sheetsPerSignature) {
    const signature = sheets.slice(start, start + sheetsPerSignature);
    for (const sheet of signature) pages.push(sheet.front[near]!, sheet.back[far]!);
    for (const sheet of [...signature].reverse()) pages.push(sheet.back[near]!, sheet.front[far]!);
  }
  return pages;
}

const numbers = (row: Grid[number]): [number, number] => [row[0]!.page, row[1]!.page];

/** Booklet: each pair of sides is one sheet. */
function readBooklet(grids: Grid[], sheetsPerSignature: number, binding: Binding): number[] {
  const sheets = Array.from({ length: grids.length / 2 }, (_, i) => ({ front: numbers(grids[2 * i]![0]!), back: numbers(grids[2 * i + 1]![0]!) }));
  return readSaddleStitched(sheets, sheetsPerSignature, binding);
}

/** Quarter: cut every sheet across the middle, put the top halves' pile on the bottom halves', fold as a booklet. */
function readQuarter(grids: Grid[], binding: Binding): number[] {
  const half = (row: number) => Array.from({ length: grids.length / 2 }, (_, i) => ({ front: numbers(grids[2 * i]![row]!), back: numbers(grids[2 * i + 1]![row]!) }));
  const empty = (sheet: FoldedSheet) => [...sheet.front, ...sheet.back].every((page) => page === 0);
  const stack = [...half(0), ...half(1).filter((sheet) => !empty(sheet))];
  return readSaddleStitched(stack, stack.length, binding);
}

/**
 * Cut-stack: cut down the middle; the front's left half backs onto the back's right half. Put the pile holding the
 * front cover on the other one and read leaf by leaf, front then back.
 */
function readCutStack(grids: Grid[], binding: Binding): number[] {
  const sheets = Array.from({ length: grids.length / 2 }, (_, i) => ({ front: numbers(grids[2 * i]![0]!), back: numbers(grids[2 * i + 1]![0]!) }));
  const leftPile = sheets.map((sheet) => [sheet.front[0], sheet.back[1]]);
  const rightPile = sheets.map((sheet) => [sheet.front[1], sheet.back[0]]);
  return (binding === 'left' ? [...leftPile, ...rightPile] : [...rightPile, ...leftPile]).flat();
}

/**
 * Mini zine: after the folds and the cut the pages run round the sheet from the front cover (bottom row, at the
 * binding's far end) up into the upside-down top row and back along the bottom row.
 */
function readMinizine([grid]: Grid[], binding: Binding): number[] {
  const columns = binding === 'left' ? [3, 2, 1, 0] : [0, 1, 2, 3];
  const cells = [grid![1]![columns[0]!]!, ...columns.map((c) => grid![0]![c]!), ...columns.slice(1).reverse().map((c) => grid![1]![c]!)];
  cells.slice(1, 5).forEach((cell) => assert.ok(cell.rotated || cell.page === 0, `page ${cell.page} of the top row is upside down`));
  return cells.map((cell) => cell.page);
}

/** Proof sheets: side by side, row by row, in the binding's reading direction. */
function readNup(grids: Grid[], binding: Binding): number[] {
  return grids.flatMap((grid) => grid.flatMap((row) => (binding === 'left' ? row : [...row].reverse()).map((cell) => cell.page))).filter((page) => page > 0);
}

function read(layout: LayoutName, grids: Grid[], binding: Binding, sheetsPerSignature: number): number[] {
  switch (layout) {
    case 'booklet':
      return readBooklet(grids, sheetsPerSignature, binding);
    case 'quarter':
      return readQuarter(grids, binding);
    case 'cut-stack':
      return readCutStack(grids, binding);
    case 'minizine':
      return readMinizine(grids, binding);
    case 'nup':
      return readNup(grids, binding);
  }
}

const LAYOUTS: LayoutName[] = ['booklet', 'quarter', 'cut-stack', 'nup'];

describe('pure page order, hand-checked', () => {
  const first = (layout: LayoutName, pages: number, options: ImposeOptions = {}) => gridsFromPlan(planLayout(layout, pages, options)).map((g) => g.map((row) => row.map((c) => c.page)));

  test('booklet: 8 pages [8,1] [2,7] [6,3] [4,5]; bound right, each side mirrored', () => {
    assert.deepEqual(first('booklet', 8), [[[8, 1]], [[2, 7]], [[6, 3]], [[4, 5]]]);
    assert.deepEqual(first('booklet', 8, { binding: 'right' }), [[[1, 8]], [[7, 2]], [[3, 6]], [[5, 4]]]);
  });

  test('quarter: 8 pages on one sheet, the outer booklet sheet on top, the inner one below', () => {
    assert.deepEqual(first('quarter', 8), [[[8, 1], [6, 3]], [[2, 7], [4, 5]]]);
    assert.deepEqual(first('quarter', 12), [[[12, 1], [8, 5]], [[2, 11], [6, 7]], [[10, 3], [0, 0]], [[4, 9], [0, 0]]]);
  });

  test('cut-stack: 8 pages, leaves 1|2 and 3|4 on the left halves, 5|6 and 7|8 on the right', () => {
    assert.deepEqual(first('cut-stack', 8), [[[1, 5]], [[6, 2]], [[3, 7]], [[8, 4]]]);
    assert.deepEqual(first('cut-stack', 8, { binding: 'right' }), [[[5, 1]], [[2, 6]], [[7, 3]], [[4, 8]]]);
  });

  test('minizine: 6 7 8 1 below, 5 4 3 2 upside down above; mirrored when bound right', () => {
    assert.deepEqual(first('minizine', 8), [[[5, 4, 3, 2], [6, 7, 8, 1]]]);
    assert.deepEqual(first('minizine', 8, { binding: 'right' }), [[[2, 3, 4, 5], [1, 8, 7, 6]]]);
  });

  test('nup: pages in reading order, 4 or 9 a side, the last side partly empty', () => {
    assert.deepEqual(first('nup', 6), [[[1, 2], [3, 4]], [[5, 6], [0, 0]]]);
    assert.deepEqual(first('nup', 10, { perSide: 9 })[1], [[10, 0, 0], [0, 0, 0], [0, 0, 0]]);
    assert.deepEqual(first('nup', 3, { perSide: 4, binding: 'right' }), [[[2, 1], [0, 3]]]);
  });

  test('creep moves pages toward the fold, the sign following the column when mirrored', () => {
    const shifts = (binding: Binding) => planLayout('quarter', 8, { creep: 2, binding }).sides[0]!.map((p) => [p.column, p.row, p.shiftX]);
    assert.deepEqual(shifts('left'), [[0, 0, 0], [1, 0, -0], [0, 1, 2], [1, 1, -2]]);
    assert.deepEqual(shifts('right'), [[1, 0, -0], [0, 0, 0], [1, 1, -2], [0, 1, 2]]);
    assert.ok(planLayout('cut-stack', 8, { creep: 2 }).sides.flat().every((p) => p.shiftX === 0), 'cut-stack does not fold');
  });
});

describe('signature ranges', () => {
  test('the size in the range that adds the fewest blanks, the larger on a tie', () => {
    assert.equal(chooseSignatureSheets(100, { min: 4, max: 8 }), 5); // 5 sheets × 20 pages = 100 exactly
    assert.equal(chooseSignatureSheets(30, { min: 2, max: 3 }), 2); // 32 pages (2 blanks) beats 36 (6)
    assert.equal(chooseSignatureSheets(16, { min: 1, max: 4 }), 4); // 16 fits 1, 2 and 4: fewest signatures
    assert.deepEqual(parseSignatureSheets('4-8'), { min: 4, max: 8 });
    assert.equal(parseSignatureSheets(3), 3);
    assert.equal(parseSignatureSheets('four'), undefined);
  });

  test('every signature of a range has the chosen size; blanks before the back cover', () => {
    const plan = planLayout('booklet', 30, { signatureSheets: { min: 2, max: 3 } });
    assert.equal(plan.sides.length, 16);
    assert.equal(plan.blanks, 2);
    assert.deepEqual(read('booklet', gridsFromPlan(plan), 'left', 2), expectedReading(30, 2));
  });

  test('a reversed or zero range is an ImposeError', () => {
    assert.throws(() => planLayout('booklet', 8, { signatureSheets: { min: 4, max: 2 } }), ImposeError);
    assert.throws(() => planLayout('booklet', 8, { signatureSheets: { min: 0, max: 2 } }), ImposeError);
  });
});

describe('imposed PDFs fold into the book, 8 to 30 pages, bound left and right', async () => {
  const sources = new Map<number, Uint8Array>();
  for (const count of PAGE_COUNTS) sources.set(count, await makeNumberedPdf(count, { size: A6 }));

  for (const layout of LAYOUTS) {
    for (const binding of BINDINGS) {
      test(`${layout}, bound ${binding}`, async () => {
        for (const count of PAGE_COUNTS) {
          const options: ImposeOptions = { layout, binding, ...(layout === 'booklet' && count === 30 ? { signatureSheets: { min: 2, max: 3 } } : {}) };
          const plan = planLayout(layout, count, options);
          const sides = await readPdfText(await imposeLayout(sources.get(count)!, options));
          assert.equal(sides.length, plan.sides.length, `${count} pages: sides`);
          const grids = gridsFromPdf(sides, plan.columns, plan.rows);
          assert.deepEqual(grids, gridsFromPlan(plan), `${count} pages: the PDF shows the plan`);
          const perSignature = options.signatureSheets ? 2 : grids.length / 2;
          const blanks = layout === 'nup' ? 0 : (options.signatureSheets ? 32 : Math.ceil(count / 4) * 4) - count;
          assert.equal(plan.blanks, blanks, `${count} pages: blanks added`);
          assert.deepEqual(read(layout, grids, binding, perSignature), expectedReading(count, blanks), `${count} pages`);
        }
      });
    }
  }

  for (const binding of BINDINGS) {
    test(`minizine, bound ${binding}: 8 pages fold in order; 12, 24 and 30 are an ImposeError`, async () => {
      const grids = gridsFromPdf(await readPdfText(await imposeLayout(sources.get(8)!, { layout: 'minizine', binding })), 4, 2);
      assert.deepEqual(read('minizine', grids, binding, 1), expectedReading(8, 0));
      for (const count of [12, 24, 30]) await assert.rejects(imposeLayout(sources.get(count)!, { layout: 'minizine', binding }), /holds 8 pages/);
    });
  }

  test('blanks: 30 pages get two (in a booklet, quarter, cut-stack), before the back cover', () => {
    for (const layout of ['booklet', 'quarter', 'cut-stack'] as const) assert.equal(planLayout(layout, 30).blanks, 2, layout);
    assert.equal(planLayout('booklet', 24).blanks, 0);
  });

  test('quarter: A6 pages on a portrait A4 sheet; cut-stack and booklet on a landscape A5', async () => {
    const size = async (layout: LayoutName) => {
      const [side] = await readPdfText(await imposeLayout(sources.get(8)!, { layout }));
      return [side!.width, side!.height].map((n) => Math.round(n));
    };
    assert.deepEqual(await size('quarter'), [595, 842]);
    assert.deepEqual(await size('cut-stack'), [595, 420]);
    assert.deepEqual(await size('booklet'), [595, 420]);
  });
});

describe('zine impose --preview', () => {
  test('quarter: the PDF and one PNG per sheet side, the cut red across the middle, the fold dashed blue down it', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'zine-preview-'));
    const source = path.join(folder, 'zine.pdf');
    writeFileSync(source, await makeNumberedPdf(12, { size: A6 }));
    const result = runZine(['impose', source, '--layout', 'quarter', '--preview']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(folder).sort(), ['zine-quarter-side-1.png', 'zine-quarter-side-2.png', 'zine-quarter-side-3.png', 'zine-quarter-side-4.png', 'zine-quarter.pdf', 'zine.pdf']);
    for (const name of ['zine-quarter-side-1.png', 'zine-quarter-side-4.png']) {
      const { data, info } = await sharp(path.join(folder, name)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      assert.deepEqual([info.width, info.height], [Math.ceil((595.28 / 72) * 50), Math.ceil((841.89 / 72) * 50)]);
      const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
      const isRed = ([r, g, b]: number[]) => r! > 150 && g! < 90 && b! < 90;
      const isBlue = ([r, , b]: number[]) => b! > 150 && r! < 90;
      const middle = Math.round(info.height / 2);
      const redAcross = Array.from({ length: 20 }, (_, i) => Math.round(((i + 0.5) * info.width) / 20)).filter((x) => [-1, 0, 1].some((d) => isRed(pixel(x, middle + d))));
      assert.ok(redAcross.length >= 18, `cut line across the middle of ${name}: ${redAcross.length}/20`);
      const centre = Math.round(info.width / 2);
      const blueDown = Array.from({ length: info.height }, (_, y) => y).filter((y) => [-1, 0, 1].some((d) => isBlue(pixel(centre + d, y))));
      assert.ok(blueDown.length > info.height / 4 && blueDown.length < info.height, `dashed fold down ${name}: ${blueDown.length} of ${info.height} rows`);
      assert.ok(!isRed(pixel(10, 10)) && !isBlue(pixel(10, 10)), 'the corners are paper');
    }
    const imposed = await readPdfText(new Uint8Array(readFileSync(path.join(folder, 'zine-quarter.pdf'))));
    assert.equal(imposed.length, 4, 'the imposed PDF itself is written as without --preview');
  });
});
