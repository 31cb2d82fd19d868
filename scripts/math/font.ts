// The math typeface for MathML in print and the HTML edition: Noto Sans Math, one @font-face without unicode-range.
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { EXIT, visit } from 'unist-util-visit';
import { FONT_PACKAGES } from '../fonts/index.ts';

const mathPackage = FONT_PACKAGES.find((font) => font.id === 'noto-sans-math')!;

/** The woff2 file, named as in its package; `files/` of the package folder. */
export const MATH_FONT_FILE = 'noto-sans-math-latin-400-normal.woff2';
export const MATH_FONT_PATH = path.join(mathPackage.folder, 'files', MATH_FONT_FILE);
export const MATH_FONT_FAMILY = mathPackage.family;

/**
 * The face at `url`, for every character: browsers map MathML letters to U+1D400 italics before choosing a face,
 * so the Latin-only unicode-range of the package's own stylesheet would send them to another font.
 */
export function mathFontFace(url: string): string {
  return `@font-face { font-family: '${MATH_FONT_FAMILY}'; font-style: normal; font-weight: 400; src: url('${url}') format('woff2'); }`;
}

/** Whether a tree holds MathML. */
export function hasMath(tree: Root | Element | ElementContent[]): boolean {
  let found = false;
  const roots = Array.isArray(tree) ? tree : [tree];
  for (const root of roots) visit(root, 'element', (node) => (node.tagName === 'math' ? ((found = true), EXIT) : undefined));
  return found;
}
