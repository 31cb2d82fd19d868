// The print settings of zine.yaml as CSS: the page size, mirrored margins and type size the print stylesheet builds on.
import { lengthToPoints } from '../config/length.ts';
import { PAGE_SIZES, type PrintConfig } from '../config/schema.ts';
import type { Direction } from '../languages/index.ts';

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

/**
 * `@page` rules and custom properties for print.css. Paged.js calls odd pages `:right`; in a right-to-left book they
 * are the left-hand pages of each spread, bound on their right: margins mirror.
 */
export function pageStyleCss(print: PrintConfig, direction: Direction = 'ltr'): string {
  const page = pageGeometry(print);
  const pt = (value: number) => `${round(value)}pt`;
  const [odd, even] = direction === 'rtl' ? [page.margins.outer, page.margins.inner] : [page.margins.inner, page.margins.outer];
  return [
    `@page { size: ${pt(page.width)} ${pt(page.height)}; margin-top: ${pt(page.margins.top)}; margin-bottom: ${pt(page.margins.bottom)}; }`,
    `@page :left { margin-left: ${pt(even)}; margin-right: ${pt(odd)}; }`,
    `@page :right { margin-left: ${pt(odd)}; margin-right: ${pt(even)}; }`,
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

/**
 * After print.css, for a right-to-left book: the running head and page number of each page move to its outer edge,
 * the left of odd pages and the right of even ones.
 */
export function mirroredPageFurnitureCss(direction: Direction): string {
  if (direction === 'ltr') return '';
  const furniture = (side: 'left' | 'right') => [
    `@top-${side} { content: string(chapter-title, first-except); font-size: 0.78em; letter-spacing: 0.01em; vertical-align: bottom; padding-bottom: 1.2em; }`,
    `@bottom-${side} { content: counter(page); font-size: 0.85em; vertical-align: top; padding-top: 1.2em; }`,
  ].join(' ');
  return [
    `@page :right { @top-right { content: none; } @bottom-right { content: none; } ${furniture('left')} }`,
    `@page :left { @top-left { content: none; } @bottom-left { content: none; } ${furniture('right')} }`,
    '@page :blank { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }',
    '@page cover { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }',
    '@page contents { @top-left { content: none; } @top-right { content: none; } }',
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
