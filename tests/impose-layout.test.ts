// Unit tests for the impose stage's pure layout arithmetic: page order, signatures, creep, sheets, mini zine, marks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  creepOffsets,
  padBeforeBackCover,
  padPageSequence,
  planBooklet,
  saddleStitchPositions,
  signatureLengths,
  type BookletSheet,
  type Slot,
} from '../scripts/impose/booklet-order.ts';
import { ImposeError } from '../scripts/impose/impose-error.ts';
import { MINIZINE_CELLS, minizineCellRect, minizineGuides } from '../scripts/impose/minizine-layout.ts';
import { cropMarks, MARK_GAP, MARK_LENGTH, printBoxes } from '../scripts/impose/print-marks-geometry.ts';
import { fitCentred, gridCell, largestSize, resolveSheet } from '../scripts/impose/sheet-size.ts';

const A4_LANDSCAPE = { width: 841.89, height: 595.28 };

/** 1-based page numbers (0 for a blank) of each side: [front left, front right], [back left, back right]. */
function sides(sheets: BookletSheet[]): number[][][] {
  const number = (slot: Slot) => (slot === null ? 0 : slot + 1);
  return sheets.map((s) => [
    [number(s.front.left), number(s.front.right)],
    [number(s.back.left), number(s.back.right)],
  ]);
}

describe('booklet page order', () => {
  test('8 pages: [8,1] [2,7] on the outer sheet, [6,3] [4,5] on the inner one', () => {
    const positions = saddleStitchPositions(8).map(({ front, back }) => [front.map((p) => p + 1), back.map((p) => p + 1)]);
    assert.deepEqual(positions, [[[8, 1], [2, 7]], [[6, 3], [4, 5]]]);
  });

  test('every page appears exactly once, and facing pages of each side add up to N + 1', () => {
    const plan = sides(planBooklet(20));
    assert.deepEqual(plan.flat(2).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
    for (const side of plan.flat()) assert.equal(side[0]! + side[1]!, 21);
  });

  test('padding puts the blanks just before the back cover', () => {
    assert.deepEqual(padPageSequence(5), [0, 1, 2, 3, null, null, null, 4]);
    assert.deepEqual(padPageSequence(8), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(padPageSequence(1), [0, null, null, null]);
    assert.deepEqual(padBeforeBackCover(3, 8), [0, 1, null, null, null, null, null, 2]);
    assert.deepEqual(sides(planBooklet(6)), [[[6, 1], [2, 0]], [[0, 3], [4, 5]]]);
  });

  test('a PDF without pages is an ImposeError', () => {
    assert.throws(() => padPageSequence(0), ImposeError);
  });
});

describe('signatures', () => {
  test('signature lengths: full signatures, then what is left', () => {
    assert.deepEqual(signatureLengths(16, 2), [8, 8]);
    assert.deepEqual(signatureLengths(20, 2), [8, 8, 4]);
    assert.deepEqual(signatureLengths(8, 4), [8]);
  });

  test('each signature is a small booklet of consecutive pages, in sequence', () => {
    const plan = planBooklet(16, { signatureSheets: 2 });
    assert.deepEqual(plan.map((s) => [s.signature, s.sheetInSignature]), [[0, 0], [0, 1], [1, 0], [1, 1]]);
    assert.deepEqual(sides(plan), [
      [[8, 1], [2, 7]], [[6, 3], [4, 5]],
      [[16, 9], [10, 15]], [[14, 11], [12, 13]],
    ]);
  });

  test('padding only in the last signature, before the back cover', () => {
    const plan = sides(planBooklet(14, { signatureSheets: 2 }));
    assert.deepEqual(plan.slice(0, 2), [[[8, 1], [2, 7]], [[6, 3], [4, 5]]]);
    assert.deepEqual(plan.slice(2), [[[14, 9], [10, 0]], [[0, 11], [12, 13]]]);
  });

  test('bad signature sizes and creep are ImposeErrors', () => {
    assert.throws(() => planBooklet(8, { signatureSheets: 0 }), ImposeError);
    assert.throws(() => planBooklet(8, { signatureSheets: 1.5 }), ImposeError);
    assert.throws(() => planBooklet(8, { creep: -1 }), ImposeError);
  });
});

describe('creep', () => {
  test('outermost sheet 0, innermost the full amount, linear in between', () => {
    assert.deepEqual(creepOffsets(4, 3), [0, 1, 2, 3]);
    assert.deepEqual(creepOffsets(1, 5), [0]);
  });

  test('creep starts again in every signature', () => {
    const plan = planBooklet(24, { signatureSheets: 3, creep: 4 });
    assert.deepEqual(plan.map((s) => s.creepShift), [0, 2, 4, 0, 2, 4]);
  });
});

describe('sheets', () => {
  test('auto picks the sheet twice the page size, landscape', () => {
    assert.deepEqual(resolveSheet('auto', { width: 419.53, height: 595.28 }, 2, 1), A4_LANDSCAPE);
    assert.deepEqual(resolveSheet('auto', { width: 396, height: 612 }, 2, 1), { width: 792, height: 612 });
    assert.deepEqual(resolveSheet('auto', { width: 297.64, height: 419.53 }, 2, 1), { width: 595.28, height: 419.53 });
    assert.deepEqual(resolveSheet('auto', { width: 209.76, height: 297.64 }, 4, 2), A4_LANDSCAPE);
  });

  test('auto falls back to the exact grid size for pages of no standard size', () => {
    assert.deepEqual(resolveSheet('auto', { width: 300, height: 500 }, 2, 1), { width: 600, height: 500 });
  });

  test('a named sheet is used landscape whatever the page; an unknown one is an ImposeError', () => {
    assert.deepEqual(resolveSheet('letter', { width: 419.53, height: 595.28 }, 2, 1), { width: 792, height: 612 });
    assert.throws(() => resolveSheet('b5' as 'a4', { width: 1, height: 1 }, 2, 1), ImposeError);
  });

  test('pages are scaled down only when they do not fit, and centred', () => {
    const letterHalf = gridCell({ width: 792, height: 612 }, 2, 1, 1, 0);
    assert.deepEqual(letterHalf, { x: 396, y: 0, width: 396, height: 612 });
    const fitted = fitCentred({ width: 419.53, height: 595.28 }, letterHalf);
    assert.ok(Math.abs(fitted.scale - 396 / 419.53) < 1e-9);
    assert.ok(Math.abs(fitted.x - 396) < 1e-9);
    assert.ok(Math.abs(fitted.y - (612 - 595.28 * fitted.scale) / 2) < 1e-9);
    const roomy = fitCentred({ width: 100, height: 200 }, { x: 10, y: 20, width: 300, height: 400 });
    assert.deepEqual(roomy, { x: 110, y: 120, scale: 1 });
  });

  test('the automatic sheet is sized for the largest page', () => {
    assert.deepEqual(largestSize([{ width: 100, height: 300 }, { width: 200, height: 150 }]), { width: 200, height: 300 });
  });
});

describe('mini zine layout', () => {
  test('top row 5 4 3 2 upside down, bottom row 6 7 8 1 upright', () => {
    const row = (r: number) => MINIZINE_CELLS.filter((c) => c.row === r).sort((a, b) => a.column - b.column);
    assert.deepEqual(row(0).map((c) => [c.page + 1, c.rotated]), [[5, true], [4, true], [3, true], [2, true]]);
    assert.deepEqual(row(1).map((c) => [c.page + 1, c.rotated]), [[6, false], [7, false], [8, false], [1, false]]);
  });

  test('the front cover sits bottom right and page 5 top left', () => {
    const cellOf = (number: number) => minizineCellRect(A4_LANDSCAPE, MINIZINE_CELLS.find((c) => c.page === number - 1)!);
    assert.deepEqual(cellOf(1), { x: 841.89 * 0.75, y: 0, width: 841.89 / 4, height: 595.28 / 2 });
    assert.deepEqual(cellOf(5), { x: 0, y: 595.28 / 2, width: 841.89 / 4, height: 595.28 / 2 });
  });

  test('guides: three vertical folds, the lengthwise fold on the end panels, the cut across the centre two', () => {
    const { folds, cut } = minizineGuides({ width: 800, height: 600 });
    assert.deepEqual(cut, { x1: 200, y1: 300, x2: 600, y2: 300 });
    const verticals = folds.filter((f) => f.x1 === f.x2).map((f) => [f.x1, f.y1, f.y2]);
    assert.deepEqual(verticals, [[200, 0, 600], [400, 0, 600], [600, 0, 600]]);
    assert.deepEqual(folds.filter((f) => f.y1 === f.y2).map((f) => [f.x1, f.x2]), [[0, 200], [600, 800]]);
  });
});

describe('print-mark geometry', () => {
  const trim = { x: 0, y: 0, width: 400, height: 600 };

  test('bleed box grows by the bleed; the media box also holds the marks', () => {
    const boxes = printBoxes(trim, 9, true);
    assert.deepEqual(boxes.trim, trim);
    assert.deepEqual(boxes.bleed, { x: -9, y: -9, width: 418, height: 618 });
    assert.ok(boxes.media.x <= -(9 + MARK_GAP + MARK_LENGTH));
    assert.deepEqual(printBoxes(trim, 9, false).media, boxes.bleed);
  });

  test('eight crop marks on the trim lines, outside the bleed, inside the media', () => {
    const marks = cropMarks(trim, 9);
    const { media } = printBoxes(trim, 9, true);
    assert.equal(marks.length, 8);
    const corners = marks.map((m) => (m.y1 === m.y2 ? `${m.x1 < 0 ? 0 : 400},${m.y1}` : `${m.x1},${m.y1 < 0 ? 0 : 600}`));
    assert.deepEqual(
      [...new Set(corners)].sort().map((c) => [c, corners.filter((d) => d === c).length]),
      [['0,0', 2], ['0,600', 2], ['400,0', 2], ['400,600', 2]],
    );
    for (const m of marks) {
      const horizontal = m.y1 === m.y2;
      assert.ok(horizontal ? [0, 600].includes(m.y1) : [0, 400].includes(m.x1) && m.x1 === m.x2);
      const outward = horizontal ? [m.x1, m.x2] : [m.y1, m.y2];
      const [low, high] = horizontal ? [0, 400] : [0, 600];
      assert.ok(outward.every((v) => v <= low - 9 - MARK_GAP || v >= high + 9 + MARK_GAP), JSON.stringify(m));
      for (const [x, y] of [[m.x1, m.y1], [m.x2, m.y2]] as const) {
        assert.ok(x >= media.x && x <= media.x + media.width && y >= media.y && y <= media.y + media.height);
      }
    }
  });
});
