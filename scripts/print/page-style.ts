// The print settings of zine.yaml as CSS: the page size, mirrored margins and type size the print stylesheet builds on.
import { lengthToPoints } from '../config/length.ts';
import { PAGE_SIZES, type PrintConfig } from '../config/schema.ts';

export interface PageGeometry {
  /** Page size in points. */
  width: number;
  height: number;
  margins: { top: number; bottom: number; inner: number; outer: number };
  /** The text block: page minus margins, in points. */
  contentWidth: number;
  contentHeight: number;
}

/** Largest share of the text block's height an image may take, leaving room for its caption on the same page. */
export const FIGURE_IMAGE_SHARE = 0.72;
/** A figure at a page foot may shrink to this share of its height rather than move to the next page, leaving a hole. */
export const FIGURE_MIN_SCALE = 0.55;

/** Page and margin sizes in points from the print config. */
export function pageGeometry(print: PrintConfig): PageGeometry {
  const size = typeof print.page === 'string' ? PAGE_SIZES[print.page] : print.page;
  const width = points(size.width);
  const height = points(size.height);
  const margins = {
    top: points(print.margins.top),
    bottom: points(print.margins.bottom),
    inner: points(print.margins.inner),
    outer: points(print.margins.outer),
  };
  return { width, height, margins, contentWidth: width - margins.inner - margins.outer, contentHeight: height - margins.top - margins.bottom };
}

/** `@page` rules (recto: binding on the left) and custom properties for print.css. */
export function pageStyleCss(print: PrintConfig): string {
  const page = pageGeometry(print);
  const pt = (value: number) => `${round(value)}pt`;
  return [
    `@page { size: ${pt(page.width)} ${pt(page.height)}; margin-top: ${pt(page.margins.top)}; margin-bottom: ${pt(page.margins.bottom)}; }`,
    `@page :left { margin-left: ${pt(page.margins.outer)}; margin-right: ${pt(page.margins.inner)}; }`,
    `@page :right { margin-left: ${pt(page.margins.inner)}; margin-right: ${pt(page.margins.outer)}; }`,
    `:root {`,
    `  --zine-font-size: ${pt(points(print.fontSize))};`,
    `  --zine-line-height: ${print.lineHeight};`,
    `  --zine-content-width: ${pt(page.contentWidth)};`,
    `  --zine-content-height: ${pt(page.contentHeight)};`,
    `  --zine-figure-image-height: ${pt(page.contentHeight * FIGURE_IMAGE_SHARE)};`,
    `}`,
    print.chapterStart === 'right' ? '.chapter { break-before: right; }' : '.chapter { break-before: page; }',
    '',
  ].join('\n');
}

function points(length: string): number {
  const value = lengthToPoints(length);
  if (value === undefined) throw new Error(`Not a length: ${length} (the config schema should have refused it)`);
  return value;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
