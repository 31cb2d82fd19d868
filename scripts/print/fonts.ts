// The typefaces in print: the font packages' stylesheets linked in the page, and their folders served by the sandbox.
import { FONT_PACKAGES, type FontPackage } from '../fonts/index.ts';

/** The sandbox path a package folder is served under. */
const route = (font: FontPackage) => `/fonts/${font.id}/`;

/** `<link>` elements for every font stylesheet; Paged.js is told to leave them alone (they hold no page rules). */
export function fontLinks(): string {
  return FONT_PACKAGES.flatMap((font) => font.stylesheets.map((sheet) => `<link rel="stylesheet" data-pagedjs-ignore href="${route(font)}${sheet}">`)).join('\n');
}

/** Sandbox routes for the font folders. */
export function fontRoutes(): Record<string, string> {
  return Object.fromEntries(FONT_PACKAGES.map((font) => [route(font), font.folder]));
}
