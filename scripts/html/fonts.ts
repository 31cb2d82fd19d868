// The HTML edition's fonts: only the subset files of our typefaces that hold the book's characters, copied beside the page.
import { readFile } from 'node:fs/promises';
import { facesUsed, fontStackCss, type TextRun } from '../languages/index.ts';

export interface HtmlFonts {
  /** `@font-face` rules pointing at the copied files. */
  css: string;
  /** The woff2 files, by path relative to the page. */
  files: Map<string, Uint8Array>;
}

/** The faces `runs` use (the subset files that hold their characters, in their languages' stacks, `latin` a theme's Latin face), copied to `folder`. */
export async function htmlFonts(runs: TextRun[], folder: string, latin?: string): Promise<HtmlFonts> {
  const faces = await facesUsed(runs, latin);
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
  return { css: [...css, fontStackCss(latin)].join('\n'), files };
}
