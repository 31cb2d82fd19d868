// The typefaces print uses, from their npm packages: the stylesheets to link and the folders the sandbox serves them from.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface FontPackage {
  /** The sandbox path the package folder is served under. */
  route: string;
  folder: string;
  /** Fontsource stylesheets: one per weight and style the templates use, so Chromium never synthesises bold or italic. */
  stylesheets: string[];
}

/** Source Serif 4 for Latin, Cyrillic and Greek; Noto Serif SC for Chinese (it has no italic: print.css never asks for one). */
export const FONT_PACKAGES: FontPackage[] = [
  {
    route: '/fonts/source-serif-4/',
    folder: packageFolder('@fontsource/source-serif-4'),
    stylesheets: ['400.css', '400-italic.css', '700.css', '700-italic.css'],
  },
  {
    route: '/fonts/noto-serif-sc/',
    folder: packageFolder('@fontsource/noto-serif-sc'),
    stylesheets: ['400.css', '700.css'],
  },
];

/** `<link>` elements for every font stylesheet; Paged.js is told to leave them alone (they hold no page rules). */
export function fontLinks(): string {
  return FONT_PACKAGES.flatMap((font) =>
    font.stylesheets.map((sheet) => `<link rel="stylesheet" data-pagedjs-ignore href="${font.route}${sheet}">`),
  ).join('\n');
}

/** Sandbox routes for the font folders. */
export function fontRoutes(): Record<string, string> {
  return Object.fromEntries(FONT_PACKAGES.map((font) => [font.route, font.folder]));
}

function packageFolder(name: string): string {
  return path.dirname(require.resolve(`${name}/400.css`));
}
