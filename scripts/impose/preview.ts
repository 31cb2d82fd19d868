// Pictures before paper: every sheet side of an imposition as a PNG, with its fold (dashed blue) and cut (red) lines.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool } from '../tools/run-tool.ts';
import { imposeLayout, type ImposeOptions } from './impose-layout.ts';

/** Pixels per inch of the preview images: a sheet of A4 comes out about 580 × 410 pixels. */
export const PREVIEW_RESOLUTION = 50;

/** One PNG per sheet side (print order) of `pdf` imposed with `options`, fold and cut lines drawn over it. */
export async function previewSheets(pdf: Uint8Array, options: ImposeOptions): Promise<Uint8Array[]> {
  const imposed = await imposeLayout(pdf, { ...options, guides: 'preview' });
  const folder = await mkdtemp(path.join(tmpdir(), 'zine-preview-'));
  try {
    const source = path.join(folder, 'sheets.pdf');
    await writeFile(source, imposed);
    await runTool('pdftoppm', ['-r', String(PREVIEW_RESOLUTION), '-png', source, path.join(folder, 'side')], {
      debianPackage: 'poppler-utils',
      purpose: 'The layout preview',
    });
    const names = (await readdir(folder)).filter((name) => name.endsWith('.png')).sort();
    return Promise.all(names.map(async (name) => new Uint8Array(await readFile(path.join(folder, name)))));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
