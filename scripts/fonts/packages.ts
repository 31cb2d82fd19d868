// The typefaces every edition uses, from their Fontsource npm packages: which package, which weights and styles.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export interface FontPackage {
  /** The CSS family name the templates ask for. */
  family: string;
  /** Short name, used for the print sandbox route (`/fonts/<id>/`). */
  id: string;
  /** The package folder (absolute). */
  folder: string;
  /** Fontsource stylesheets: one per weight and style the templates use, so no browser synthesises bold or italic. */
  stylesheets: string[];
  /** The CSS generic family this face stands for in the browser's own font configuration (fontconfig.ts). */
  generic?: 'serif' | 'monospace';
}

/**
 * A Fontsource package of one script's face, regular and bold. Static, not variable: Chromium embeds a variable font
 * in a PDF as Type 3 outlines, which print shops and preflight reject.
 */
const scriptFace = (family: string, name: string): FontPackage => ({
  family,
  id: name,
  folder: packageFolder(`@fontsource/${name}`),
  stylesheets: ['400.css', '700.css'],
});

/**
 * Source Serif 4 for Latin, Cyrillic, Greek and Vietnamese; Noto Serif SC for Chinese (it has no italic: no template
 * asks for one); Source Code Pro, Source Serif's monospaced sibling, for code; then a Noto face for every other
 * major script (languages/font-stacks.ts says which language takes which first), monochrome emoji and symbols.
 */
export const FONT_PACKAGES: FontPackage[] = [
  {
    family: 'Source Serif 4',
    id: 'source-serif-4',
    folder: packageFolder('@fontsource/source-serif-4'),
    stylesheets: ['400.css', '400-italic.css', '700.css', '700-italic.css'],
    generic: 'serif',
  },
  {
    family: 'Noto Serif SC',
    id: 'noto-serif-sc',
    folder: packageFolder('@fontsource/noto-serif-sc'),
    stylesheets: ['400.css', '700.css'],
  },
  {
    family: 'Source Code Pro',
    id: 'source-code-pro',
    folder: packageFolder('@fontsource/source-code-pro'),
    stylesheets: ['400.css', '400-italic.css', '700.css'],
    generic: 'monospace',
  },
  scriptFace('Noto Serif TC', 'noto-serif-tc'),
  scriptFace('Noto Serif JP', 'noto-serif-jp'),
  scriptFace('Noto Serif KR', 'noto-serif-kr'),
  scriptFace('Noto Naskh Arabic', 'noto-naskh-arabic'),
  scriptFace('Noto Serif Hebrew', 'noto-serif-hebrew'),
  scriptFace('Noto Serif Devanagari', 'noto-serif-devanagari'),
  scriptFace('Noto Serif Bengali', 'noto-serif-bengali'),
  scriptFace('Noto Serif Tamil', 'noto-serif-tamil'),
  scriptFace('Noto Serif Thai', 'noto-serif-thai'),
  scriptFace('Noto Serif Georgian', 'noto-serif-georgian'),
  scriptFace('Noto Serif Armenian', 'noto-serif-armenian'),
  scriptFace('Noto Sans Ethiopic', 'noto-sans-ethiopic'),
  { family: 'Noto Emoji', id: 'noto-emoji', folder: packageFolder('@fontsource/noto-emoji'), stylesheets: ['400.css'] },
  { family: 'Noto Sans Symbols 2', id: 'noto-sans-symbols-2', folder: packageFolder('@fontsource/noto-sans-symbols-2'), stylesheets: ['400.css'] },
  { family: 'Noto Sans Symbols', id: 'noto-sans-symbols', folder: packageFolder('@fontsource/noto-sans-symbols'), stylesheets: ['400.css'] },
  {
    // MathML's font (an OpenType MATH table). Its stylesheet's unicode-range says Latin only, though the file holds
    // the whole font, so no stylesheet is linked: scripts/math/font.ts declares the face where a book has math.
    family: 'Noto Sans Math',
    id: 'noto-sans-math',
    folder: packageFolder('@fontsource/noto-sans-math'),
    stylesheets: [],
  },
  // The large-print theme's face, drawn for low-vision readers (Braille Institute).
  {
    family: 'Atkinson Hyperlegible',
    id: 'atkinson-hyperlegible',
    folder: packageFolder('@fontsource/atkinson-hyperlegible'),
    stylesheets: ['400.css', '400-italic.css', '700.css', '700-italic.css'],
  },
];

function packageFolder(name: string): string {
  return path.dirname(require.resolve(`${name}/400.css`));
}
