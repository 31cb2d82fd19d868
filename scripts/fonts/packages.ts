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
}

/** Source Serif 4 for Latin, Cyrillic and Greek; Noto Serif SC for Chinese (it has no italic: no template asks for one). */
export const FONT_PACKAGES: FontPackage[] = [
  {
    family: 'Source Serif 4',
    id: 'source-serif-4',
    folder: packageFolder('@fontsource/source-serif-4'),
    stylesheets: ['400.css', '400-italic.css', '700.css', '700-italic.css'],
  },
  {
    family: 'Noto Serif SC',
    id: 'noto-serif-sc',
    folder: packageFolder('@fontsource/noto-serif-sc'),
    stylesheets: ['400.css', '700.css'],
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
