// `npm run theme-pictures`: the default manuscript built in every theme, its first four pages as one PNG per theme for the README.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { parseDocument } from 'yaml';
import { createBuilder } from '../build/index.ts';
import { THEME_NAMES } from '../theme/themes.ts';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const PICTURES_DIR = path.join(PROJECT_DIR, 'docs', 'themes');
const PAGES = 4;
const DPI = 36;
const GAP = 12;

/** Build `manuscriptDir` in `theme` into a temp folder; returns the print PDF's bytes. */
async function themedPdf(manuscriptDir: string, theme: string, work: string): Promise<Buffer> {
  const copy = path.join(work, theme, 'manuscript');
  cpSync(manuscriptDir, copy, { recursive: true });
  const config = parseDocument(readFileSync(path.join(copy, 'zine.yaml'), 'utf8'));
  config.set('theme', theme);
  writeFileSync(path.join(copy, 'zine.yaml'), config.toString());
  const outDir = path.join(work, theme, 'build');
  const builder = createBuilder({ manuscriptDir: copy, outDir, log: () => undefined });
  const result = await builder.build(['pdf']).finally(() => builder.close());
  if (!result.ok) throw new Error(`${theme}: the build failed`);
  const pdf = readdirSync(outDir).find((name) => name.endsWith('.pdf'))!;
  return readFileSync(path.join(outDir, pdf));
}

/** The first pages of `pdf` side by side on a grey ground, as PNG (pages drawn by poppler's pdftoppm). */
async function pagesStrip(pdf: Buffer, work: string): Promise<Buffer> {
  const pdfPath = path.join(work, 'strip.pdf');
  writeFileSync(pdfPath, pdf);
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', '-f', '1', '-l', String(PAGES), pdfPath, path.join(work, 'page')]);
  const files = readdirSync(work).filter((name) => /^page-\d+\.png$/.test(name)).sort().map((name) => path.join(work, name));
  const sizes = await Promise.all(files.map((file) => sharp(file).metadata()));
  let left = GAP;
  const pages = files.map((file, index) => {
    const placed = { input: file, left, top: GAP };
    left += sizes[index]!.width! + GAP;
    return placed;
  });
  const height = Math.max(...sizes.map((size) => size.height!)) + 2 * GAP;
  const strip = await sharp({ create: { width: left, height, channels: 3, background: '#9a9a9a' } }).composite(pages).png({ compressionLevel: 9, palette: true }).toBuffer();
  for (const file of files) rmSync(file);
  return strip;
}

const work = mkdtempSync(path.join(tmpdir(), 'zine-theme-pictures-'));
process.env.SOURCE_DATE_EPOCH ??= '1642075200';
try {
  for (const theme of THEME_NAMES) {
    const strip = await pagesStrip(await themedPdf(path.join(PROJECT_DIR, 'manuscript'), theme, work), work);
    const target = path.join(PICTURES_DIR, `${theme}.png`);
    writeFileSync(target, strip);
    console.log(`theme-pictures: ${path.relative(process.cwd(), target)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
