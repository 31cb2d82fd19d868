// The HTML edition's fonts: only the subset files of our typefaces that hold the book's characters, copied beside the page.
import { readFile } from 'node:fs/promises';
import { codePointsOf, facesFor } from '../fonts/index.ts';

export interface HtmlFonts {
  /** `@font-face` rules pointing at the copied files. */
  css: string;
  /** The woff2 files, by path relative to the page. */
  files: Map<string, Uint8Array>;
}

/**
 * The faces `text` needs (a face's subset is copied when its unicode-range holds a character of the text), in `folder`;
 * given the page's `pageCss`, only the families it names.
 */
export async function htmlFonts(text: string, folder: string, pageCss?: string): Promise<HtmlFonts> {
  const faces = (await facesFor(codePointsOf(text))).filter((face) => pageCss === undefined || pageCss.includes(face.family));
  const files = new Map<string, Uint8Array>();
  await Promise.all(faces.map(async (face) => files.set(`${folder}/${face.fileName}`, new Uint8Array(await readFile(face.path)))));
  const css = faces.map((face) =>
    [
      '@font-face {',
      `  font-family: '${face.family}';`,
      `  font-style: ${face.style};`,
      `  font-weight: ${face.weight};`,
      '  font-display: swap;',
      `  src: url('${folder}/${face.fileName}') format('woff2');`,
      `  unicode-range: ${face.unicodeRange};`,
      '}',
    ].join('\n'),
  );
  return { css: css.join('\n'), files };
}
