// The browser's own font configuration: fontconfig sees only zine's faces, never the machine's fonts, on any machine.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readFontFaces, type FontFaceFile } from './faces.ts';
import { FONT_PACKAGES } from './packages.ts';
import { woffToSfnt } from './woff-to-sfnt.ts';

/**
 * Chromium draws text only with fonts fontconfig offers it, whatever `@font-face` says: with none (a bare container)
 * it hangs or prints blank pages; with the machine's, characters our faces lack fall back to whatever is installed.
 * So the browser gets a configuration of its own that lists only the regular faces of our generic families, as
 * sfnt files (fontconfig and Chromium's FreeType read no WOFF), with no system folder, no include, its own cache.
 */
export interface FontConfig {
  /** The fonts.conf to point FONTCONFIG_FILE at. */
  file: string;
  /** The font files it lists. */
  fonts: string[];
}

/** The regular faces fontconfig offers, per generic family: every subset of weight 400 upright. */
export async function fontConfigFaces(): Promise<FontFaceFile[]> {
  const generic = new Set(FONT_PACKAGES.filter((font) => font.generic).map((font) => font.family));
  return (await readFontFaces()).filter((face) => generic.has(face.family) && face.weight === '400' && face.style === 'normal');
}

let prepared: Promise<FontConfig> | undefined;

/** Write (once per set of font files: the folder is named by their hash) the configuration under `cacheDir`. */
export function prepareFontConfig(cacheDir: string): Promise<FontConfig> {
  prepared ??= writeFontConfig(cacheDir).catch((error: unknown) => {
    prepared = undefined;
    throw error;
  });
  return prepared;
}

async function writeFontConfig(cacheDir: string): Promise<FontConfig> {
  const faces = await fontConfigFaces();
  const sources = faces.map((face) => face.path.replace(/\.woff2$/, '.woff'));
  const key = createHash('sha256');
  for (const source of sources) {
    const { size, mtimeMs } = await stat(source);
    key.update(`${source}\0${size}\0${mtimeMs}\n`);
  }
  const folder = path.join(cacheDir, `fontconfig-${key.digest('hex').slice(0, 16)}`);
  const fonts = sources.map((source) => path.join(folder, 'fonts', path.basename(source).replace(/\.woff$/, '.ttf')));
  const result = { file: path.join(folder, 'fonts.conf'), fonts };
  if (existsSync(result.file)) return result;

  // Built in a temporary folder and renamed: a concurrent build sees either nothing or the whole configuration.
  const temporary = `${folder}.tmp-${process.pid}`;
  await mkdir(path.join(temporary, 'fonts'), { recursive: true });
  await Promise.all(sources.map(async (source, index) => writeFile(path.join(temporary, 'fonts', path.basename(fonts[index]!)), woffToSfnt(await readFile(source)))));
  await writeFile(path.join(temporary, 'fonts.conf'), fontsConf(folder));
  try {
    await rename(temporary, folder);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    if (!existsSync(result.file)) throw error;
  }
  return result;
}

/** The configuration: our folder only, aliases from the CSS generic families to our faces, a cache of its own. */
export function fontsConf(folder: string): string {
  const alias = (generic: string, family: string) => `  <alias binding="same"><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`;
  const serif = FONT_PACKAGES.find((font) => font.generic === 'serif')!.family;
  const monospace = FONT_PACKAGES.find((font) => font.generic === 'monospace')!.family;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<!-- zine: the only fonts the print browser may use (scripts/fonts/fontconfig.ts). -->',
    '<fontconfig>',
    `  <dir>${escapeXml(path.join(folder, 'fonts'))}</dir>`,
    `  <cachedir>${escapeXml(path.join(folder, 'cache'))}</cachedir>`,
    alias('serif', serif),
    alias('sans-serif', serif),
    alias('monospace', monospace),
    '</fontconfig>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}
