// The typefaces in print: the font packages' stylesheets linked in the page, and their folders served by the sandbox.
import { FONT_PACKAGES, type FontPackage } from '../fonts/index.ts';
import { fontStackCss } from '../languages/index.ts';
import { MATH_FONT_FAMILY, MATH_FONT_FILE, mathFontFace } from '../math/font.ts';

/** The sandbox path a package folder is served under. */
const route = (font: FontPackage) => `/fonts/${font.id}/`;

/**
 * `<link>` elements for every font stylesheet (the browser loads only the subset files a page's text needs), then each
 * language's font stack (led by `latin`, a theme's Latin face, when given) and the math face; Paged.js is told to leave
 * them alone (they hold no page rules).
 */
export function fontLinks(latin?: string): string {
  const links = FONT_PACKAGES.flatMap((font) => font.stylesheets.map((sheet) => `<link rel="stylesheet" data-pagedjs-ignore href="${route(font)}${sheet}">`));
  const mathRoute = route(FONT_PACKAGES.find((font) => font.family === MATH_FONT_FAMILY)!);
  return [...links, `<style data-pagedjs-ignore>\n${fontStackCss(latin)}\n${mathFontFace(`${mathRoute}files/${MATH_FONT_FILE}`)}\n</style>`].join('\n');
}

/** Sandbox routes for the font folders. */
export function fontRoutes(): Record<string, string> {
  return Object.fromEntries(FONT_PACKAGES.map((font) => [route(font), font.folder]));
}
