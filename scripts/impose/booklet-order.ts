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

/** Sheets per signature: a number (the last signature holds what is left), or a range to choose from. */
export type SignatureSheets = number | SheetRange;

/** Signatures of `min` to `max` sheets, all the same size, the size chosen to add the fewest blank pages. */
export interface SheetRange {
  min: number;
  max: number;
}

export interface BookletPlanOptions {
  /** Sheets folded together in each signature; `undefined` makes one signature of all sheets. */
  signatureSheets?: SignatureSheets;
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

/** `4` or `4-8` (as zine.yaml and `--signature-sheets` write it) as SignatureSheets; undefined when malformed. */
export function parseSignatureSheets(value: number | string): SignatureSheets | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(String(value).trim());
  if (!match) return undefined;
  const min = Number(match[1]);
  return match[2] === undefined ? min : { min, max: Number(match[2]) };
}

/**
 * The signature size in `range` that pads `pageCount` pages with the fewest blanks when every signature has the same
 * number of sheets; on a tie the larger size (fewer signatures to fold and sew).
 */
export function chooseSignatureSheets(pageCount: number, range: SheetRange): number {
  const blanks = (sheets: number) => Math.ceil(pageCount / (4 * sheets)) * 4 * sheets - pageCount;
  let best = range.max;
  for (let sheets = range.max - 1; sheets >= range.min; sheets--) if (blanks(sheets) < blanks(best)) best = sheets;
  return best;
}

/** Creep shift per sheet of one signature: outermost 0, innermost `creep`, linear in between. */
export function creepOffsets(sheetCount: number, creep: number): number[] {
  if (sheetCount <= 1) return Array<number>(sheetCount).fill(0);
  return Array.from({ length: sheetCount }, (_, sheet) => (creep * sheet) / (sheetCount - 1));
}

/** Every sheet of the booklet in print order, with the source page (or blank) on each half of each side. */
export function planBooklet(pageCount: number, options: BookletPlanOptions = {}): BookletSheet[] {
  const { creep = 0 } = options;
  if (!Number.isFinite(creep) || creep < 0) throw new ImposeError(`creep must be 0 or more points, not ${creep}.`);
  const { sequence, lengths } = signatureSequence(pageCount, options.signatureSheets);
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

/** The padded reading order and the page count of each signature. */
function signatureSequence(pageCount: number, signatureSheets: SignatureSheets | undefined): { sequence: Slot[]; lengths: number[] } {
  if (signatureSheets === undefined) {
    const sequence = padPageSequence(pageCount);
    return { sequence, lengths: [sequence.length] };
  }
  if (typeof signatureSheets === 'number') {
    checkSheetCount(signatureSheets);
    const sequence = padPageSequence(pageCount);
    return { sequence, lengths: signatureLengths(sequence.length, signatureSheets) };
  }
  checkSheetCount(signatureSheets.min);
  checkSheetCount(signatureSheets.max);
  if (signatureSheets.min > signatureSheets.max) {
    throw new ImposeError(`A signature range runs from the smaller number to the larger, not ${signatureSheets.min}-${signatureSheets.max}.`);
  }
  const pages = 4 * chooseSignatureSheets(pageCount, signatureSheets);
  const sequence = padBeforeBackCover(pageCount, Math.ceil(pageCount / pages) * pages);
  return { sequence, lengths: Array<number>(sequence.length / pages).fill(pages) };
}

function checkSheetCount(sheets: number): void {
  if (!Number.isInteger(sheets) || sheets < 1) {
    throw new ImposeError(`signatureSheets must be a whole number of sheets (1 or more), not ${sheets}.`);
  }
}
