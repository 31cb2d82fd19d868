// Page order for saddle-stitched booklets and signatures, and creep offsets (pure arithmetic, no PDF).
import { ImposeError } from './impose-error.ts';

/** A 0-based source page index, or `null` for a blank page. */
export type Slot = number | null;

/** One printed side of a landscape sheet: the page left of the fold and the page right of it. */
export interface SheetSide {
  left: Slot;
  right: Slot;
}

/** One sheet of the booklet, in print order. */
export interface BookletSheet {
  /** 0-based signature the sheet belongs to. */
  signature: number;
  /** 0-based position inside its signature; 0 is the outermost sheet. */
  sheetInSignature: number;
  front: SheetSide;
  back: SheetSide;
  /** Points to shift both pages toward the fold on this sheet (creep compensation). */
  creepShift: number;
}

export interface BookletPlanOptions {
  /** Sheets folded together in each signature; `undefined` makes one signature of all sheets. */
  signatureSheets?: number;
  /** Total creep in points: the innermost sheet of each signature shifts by this much. */
  creep?: number;
}

/**
 * The reading order padded with blanks to `length` pages. Blanks go before the last page so the source's back
 * cover stays the back cover (a one-page source keeps its page in front).
 */
export function padBeforeBackCover(pageCount: number, length: number): Slot[] {
  if (!Number.isInteger(pageCount) || pageCount < 1) throw new ImposeError('The PDF to impose has no pages.');
  if (length < pageCount) throw new RangeError(`Cannot pad ${pageCount} pages to ${length}.`);
  const pages: Slot[] = Array.from({ length: pageCount }, (_, index) => index);
  const blankAt = pageCount === 1 ? 1 : pageCount - 1;
  pages.splice(blankAt, 0, ...Array<Slot>(length - pageCount).fill(null));
  return pages;
}

/** The reading order padded to a multiple of 4 pages, blanks before the back cover. */
export function padPageSequence(pageCount: number): Slot[] {
  return padBeforeBackCover(pageCount, Math.ceil(pageCount / 4) * 4);
}

/**
 * Positions (0-based, in reading order) on each sheet of one saddle-stitched signature of `pageCount` pages.
 * In 1-based numbers sheet i (0 = outermost) carries [N − 2i, 2i + 1] on its front and [2i + 2, N − 2i − 1] on
 * its back, so N = 8 gives [8,1] [2,7] / [6,3] [4,5].
 */
export function saddleStitchPositions(pageCount: number): Array<{ front: [number, number]; back: [number, number] }> {
  if (pageCount % 4 !== 0 || pageCount < 4) {
    throw new RangeError(`A signature needs a multiple of 4 pages, not ${pageCount}.`);
  }
  const last = pageCount - 1;
  return Array.from({ length: pageCount / 4 }, (_, sheet) => ({
    front: [last - 2 * sheet, 2 * sheet],
    back: [2 * sheet + 1, last - 2 * sheet - 1],
  }));
}

/** Page counts of consecutive signatures of `sheetsPerSignature` sheets; the last one holds what is left. */
export function signatureLengths(pageCount: number, sheetsPerSignature: number): number[] {
  const full = 4 * sheetsPerSignature;
  const lengths = Array<number>(Math.floor(pageCount / full)).fill(full);
  if (pageCount % full > 0) lengths.push(pageCount % full);
  return lengths;
}

/** Creep shift per sheet of one signature: outermost 0, innermost `creep`, linear in between. */
export function creepOffsets(sheetCount: number, creep: number): number[] {
  if (sheetCount <= 1) return Array<number>(sheetCount).fill(0);
  return Array.from({ length: sheetCount }, (_, sheet) => (creep * sheet) / (sheetCount - 1));
}

/** Every sheet of the booklet in print order, with the source page (or blank) on each half of each side. */
export function planBooklet(pageCount: number, options: BookletPlanOptions = {}): BookletSheet[] {
  const { signatureSheets, creep = 0 } = options;
  if (signatureSheets !== undefined && (!Number.isInteger(signatureSheets) || signatureSheets < 1)) {
    throw new ImposeError(`signatureSheets must be a whole number of sheets (1 or more), not ${signatureSheets}.`);
  }
  if (!Number.isFinite(creep) || creep < 0) throw new ImposeError(`creep must be 0 or more points, not ${creep}.`);
  const sequence = padPageSequence(pageCount);
  const lengths = signatureSheets === undefined ? [sequence.length] : signatureLengths(sequence.length, signatureSheets);
  const sheets: BookletSheet[] = [];
  let start = 0;
  lengths.forEach((length, signature) => {
    const pages = sequence.slice(start, start + length);
    const shifts = creepOffsets(length / 4, creep);
    saddleStitchPositions(length).forEach(({ front, back }, sheetInSignature) => {
      sheets.push({
        signature,
        sheetInSignature,
        front: { left: pages[front[0]] as Slot, right: pages[front[1]] as Slot },
        back: { left: pages[back[0]] as Slot, right: pages[back[1]] as Slot },
        creepShift: shifts[sheetInSignature]!,
      });
    });
    start += length;
  });
  return sheets;
}
