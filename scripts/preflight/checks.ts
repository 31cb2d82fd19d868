// The print shop's checks on a read PDF (pure): resolution, trim and binding margin, fonts, colour, blanks, RGB in PDF/X.
import type { Binding, LayoutName } from '../impose/index.ts';
import type { Box, PdfFacts, PdfPageFacts, PlacedImage, PlacedText } from './read-pdf.ts';

const MM = 72 / 25.4;

/** One problem found, with what locates it in the manuscript: a piece of its text, or the image painted. */
export interface Finding {
  rule: string;
  fatal: boolean;
  reason: string;
  text?: string;
  image?: PlacedImage;
}

export interface PageCheckOptions {
  /** The edge the zine is bound on: the spine is left of odd pages when `left`. */
  binding: Binding;
  /** Width of the binding margin in points: content this close to the spine is lost in the fold or the glue. */
  bindingMargin: number;
  /** True when the zine's images should print grey (`print.tone` photocopy or halftone). */
  greyscale: boolean;
}

/** What each layout's binding takes along the spine: a fold and staples little, side staples or glue more. */
export const BINDING_MARGINS: Readonly<Record<LayoutName, number>> = {
  booklet: 4 * MM,
  quarter: 4 * MM,
  minizine: 4 * MM,
  'cut-stack': 10 * MM,
  nup: 0,
};

/** Effective resolution below this is an error, below GOOD_PPI a warning. */
export const MIN_PPI = 150;
export const GOOD_PPI = 250;
/** The resolution a missing-pixels hint aims at (what the print stage keeps). */
export const TARGET_PPI = 300;
/** Content within this of an edge is on it (Chromium's page sizes are rounded to a fraction of a point). */
const TOLERANCE = 1;
/** Text shorter than this (a page number, say) is not looked for in the manuscript: it would be found anywhere. */
const MIN_LOCATOR = 8;

const millimetres = (points: number) => Math.round(points / MM);
const mm = (points: number) => `${millimetres(points)} mm`;

/** Every finding on every page of `facts`, in page order. */
export function checkPdf(facts: PdfFacts, options: PageCheckOptions): Finding[] {
  const seen = new Set<string>();
  const pages = facts.pages.flatMap((page) => [
    ...page.images.flatMap((image) => {
      if (seen.has(image.id)) return [];
      seen.add(image.id);
      return [...checkResolution(page, image), ...(options.greyscale && image.colour ? [colourImage(page)] : [])].map((finding) => ({ ...finding, image }));
    }),
    ...checkTrim(page),
    ...(page.number === 1 ? [] : checkBindingMargin(page, options)),
  ]);
  return pages;
}

/** A font the PDF uses without carrying it. */
export function fontNotEmbedded(name: string): Finding {
  return { rule: 'font-not-embedded', fatal: true, reason: `The font ${name} is not embedded: the print shop's machine would set its text in another` };
}

/** Effective pixels per inch at the printed size, with the size and the pixels 300 ppi would need. */
export function checkResolution(page: PdfPageFacts, image: PlacedImage): Finding[] {
  const width = image.box.right - image.box.left;
  const height = image.box.top - image.box.bottom;
  if (width <= 0 || height <= 0) return [];
  const ppi = Math.floor(Math.min(image.pixels.width / (width / 72), image.pixels.height / (height / 72)));
  if (ppi >= GOOD_PPI) return [];
  const needed = `${Math.ceil((width / 72) * TARGET_PPI)} × ${Math.ceil((height / 72) * TARGET_PPI)}`;
  const reason =
    `Image prints at ${millimetres(width)} × ${mm(height)} on page ${page.number} from ${image.pixels.width} × ${image.pixels.height} pixels: ` +
    `${ppi} ppi (${ppi < MIN_PPI ? `below ${MIN_PPI}, it will look coarse` : `below ${GOOD_PPI}, it may look soft`}); ${needed} pixels would give ${TARGET_PPI} ppi`;
  return [{ rule: 'low-resolution-image', fatal: ppi < MIN_PPI, reason }];
}

function colourImage(page: PdfPageFacts): Finding {
  return {
    rule: 'colour-image',
    fatal: false,
    reason: `Image on page ${page.number} is in colour but print.tone asks for greyscale: convert it, or expect the copier to decide its greys`,
  };
}

/** Text past the trim is cut off; so is an image past it, unless it runs on into the bleed (a full-bleed picture). */
export function checkTrim(page: PdfPageFacts): Finding[] {
  const texts = page.texts.filter(({ box }) => overhang(box, page.trim) > TOLERANCE);
  const images = page.images.filter((image) => overhang(image.box, page.trim) > TOLERANCE && !bleeds(image.box, page));
  return [
    ...textFinding(texts, 'past-trim', true, (what, many) => `${what} ${many ? 'run' : 'runs'} past the trim on page ${page.number} and will be cut off`),
    ...images.map((image) => ({
      rule: 'past-trim',
      fatal: true,
      image,
      reason: `Image runs ${mm(overhang(image.box, page.trim))} past the trim on page ${page.number} without reaching the bleed: its edge will be cut unevenly`,
    })),
  ];
}

/** Content in the strip along the spine that the fold, staples or glue take (and not already past the trim). */
export function checkBindingMargin(page: PdfPageFacts, options: PageCheckOptions): Finding[] {
  if (options.bindingMargin <= 0) return [];
  const spineLeft = (page.number % 2 === 1) === (options.binding === 'left');
  const inMargin = (box: Box) =>
    overhang(box, page.trim) <= TOLERANCE &&
    (spineLeft ? page.trim.left + options.bindingMargin - box.left : box.right - (page.trim.right - options.bindingMargin)) > TOLERANCE;
  const where = `within ${mm(options.bindingMargin)} of the spine on page ${page.number}`;
  return [
    ...textFinding(page.texts.filter(({ box }) => inMargin(box)), 'binding-margin', false, (what, many) => `${what} ${many ? 'are' : 'is'} ${where}: ${many ? 'they' : 'it'} may disappear into the binding`),
    ...page.images.filter((image) => inMargin(image.box)).map((image) => ({ rule: 'binding-margin', fatal: false, image, reason: `Image is ${where}: part of it may disappear into the binding` })),
  ];
}

/** One finding for the lines of a page that break a rule, located by the first line long enough to find in the manuscript. */
function textFinding(texts: PlacedText[], rule: string, fatal: boolean, says: (what: string, many: boolean) => string): Finding[] {
  if (texts.length === 0) return [];
  const locator = texts.find(({ text }) => text.trim().length >= MIN_LOCATOR) ?? texts[0]!;
  const many = texts.length > 1;
  const what = many ? `${texts.length} lines of text (among them "${clip(locator.text)}")` : `Text "${clip(locator.text)}"`;
  return [{ rule, fatal, reason: says(what, many), ...(locator.text.trim().length >= MIN_LOCATOR ? { text: locator.text } : {}) }];
}

/** How far `box` reaches past `limit` on its worst side (negative when inside). */
function overhang(box: Box, limit: Box): number {
  return Math.max(limit.left - box.left, box.right - limit.right, limit.bottom - box.bottom, box.top - limit.top);
}

/** On every side where it crosses the trim, the image reaches the bleed edge. */
function bleeds(box: Box, page: PdfPageFacts): boolean {
  const sides = [
    [page.trim.left - box.left, page.trim.left - page.bleed.left],
    [box.right - page.trim.right, page.bleed.right - page.trim.right],
    [page.trim.bottom - box.bottom, page.trim.bottom - page.bleed.bottom],
    [box.top - page.trim.top, page.bleed.top - page.trim.top],
  ] as const;
  return sides.every(([past, bleed]) => past <= TOLERANCE || (bleed > TOLERANCE && past >= bleed - TOLERANCE));
}

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}
