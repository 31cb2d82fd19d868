// The typefaces in print: the font packages' @font-face rules in the page, and their folders served by the sandbox.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FONT_PACKAGES, type FontPackage } from '../fonts/index.ts';
import { fontStackCss } from '../languages/index.ts';
import { MATH_FONT_FAMILY, MATH_FONT_FILE, mathFontFace } from '../math/font.ts';

/** The sandbox path a package folder is served under. */
const route = (font: FontPackage) => `/fonts/${font.id}/`;

let fontFaces: string | undefined;

/**
 * Every font stylesheet's @font-face rules in one `<style>` (the browser loads only the subset files a page's text
 * needs), then each language's font stack (led by `latin`, a theme's Latin face, when given) and the math face;
 * Paged.js is told to leave it alone (it holds no page rules). Inline, not 46 `<link>`s: each would be a request
 * through the sandbox on every page load.
 */
export function fontLinks(latin?: string): string {
  fontFaces ??= FONT_PACKAGES.flatMap((font) =>
    font.stylesheets.map((sheet) =>
      readFileSync(path.join(font.folder, sheet), 'utf8')
        .replace(/\/\*[^]*?\*\//g, '')
        .replaceAll('url(./files/', `url(${route(font)}files/`),
    ),
  ).join('\n');
  const mathRoute = route(FONT_PACKAGES.find((font) => font.family === MATH_FONT_FAMILY)!);
  return `<style data-pagedjs-ignore>\n${fontFaces}\n${fontStackCss(latin)}\n${mathFontFace(`${mathRoute}files/${MATH_FONT_FILE}`)}\n</style>`;
}

/** Sandbox routes for the font folders. */
export function fontRoutes(): Record<string, string> {
  return Object.fromEntries(FONT_PACKAGES.map((font) => [route(font), font.folder]));
}
