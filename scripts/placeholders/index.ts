// Draws a greyscale "photograph not included" placeholder, with its caption, for every image the manuscript references.
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Image, Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import sharp from 'sharp';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { woffToSfnt } from '../fonts/woff-to-sfnt.ts';

const WIDTH = 1600;
const HEIGHT = 1067;
const TEXT_WIDTH = 1160;
const PANEL_PADDING = 64;
const FONT = 'Source Serif 4, Noto Serif SC 38';
const LABEL = 'PHOTOGRAPH NOT INCLUDED';

/** An image the manuscript references: where it goes, what its caption says, in which language. */
export interface PlaceholderRequest {
  path: string;
  caption: string;
  lang: string;
}

/**
 * Writes a placeholder for every `images/…` reference in the chapters listed in `zine.yaml`,
 * overwriting existing files. Returns the absolute paths written.
 */
export async function generatePlaceholders(manuscriptDir: string): Promise<string[]> {
  const requests = await collectImageRequests(manuscriptDir);
  const fontDir = await useBundledFonts();
  try {
    for (const request of requests) {
      await writeAtomically(request.path, await renderPlaceholder(request));
    }
  } finally {
    await rm(fontDir, { recursive: true, force: true });
  }
  return requests.map((request) => request.path);
}

/** Reads `zine.yaml` and its chapters; returns one request per distinct image under `images/`. */
export async function collectImageRequests(manuscriptDir: string): Promise<PlaceholderRequest[]> {
  const config = parseYaml(await readFile(join(manuscriptDir, 'zine.yaml'), 'utf8')) as {
    lang?: string;
    chapters?: string[];
  };
  const imagesDir = join(manuscriptDir, 'images');
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);
  const requests = new Map<string, PlaceholderRequest>();
  for (const chapter of config.chapters ?? []) {
    const tree = processor.parse(await readFile(join(manuscriptDir, chapter), 'utf8')) as Root;
    let lang = config.lang ?? 'en';
    visit(tree, 'yaml', (node: Yaml) => {
      const frontMatter = parseYaml(node.value) as { lang?: string } | null;
      lang = frontMatter?.lang ?? lang;
    });
    visit(tree, 'image', (node: Image) => {
      const path = resolve(manuscriptDir, decodeURI(node.url));
      if (!path.startsWith(imagesDir + sep) || requests.has(path)) return;
      requests.set(path, { path, caption: node.alt ?? '', lang });
    });
  }
  return [...requests.values()];
}

/** Renders one placeholder as PNG or JPEG (by extension), greyscale, without metadata. */
export async function renderPlaceholder({ path, caption, lang }: PlaceholderRequest): Promise<Buffer> {
  const { data: text, info } = await sharp({
    text: {
      text: textMarkup(caption, lang),
      font: FONT,
      width: TEXT_WIDTH,
      align: 'centre',
      wrap: 'word-char',
      dpi: 72,
      rgba: true,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  const top = Math.round((HEIGHT - info.height) / 2);
  const left = Math.round((WIDTH - info.width) / 2);
  const composed = await sharp(Buffer.from(backgroundSvg(info.height)))
    .composite([{ input: text, top, left }])
    .raw()
    .toBuffer({ resolveWithObject: true });
  // sharp applies composite after every other operation, so dropping alpha needs a second pipeline.
  const image = sharp(composed.data, { raw: composed.info }).removeAlpha().toColourspace('b-w');
  const extension = extname(path).toLowerCase();
  if (extension === '.png') return image.png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
  if (extension === '.jpg' || extension === '.jpeg') return image.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  throw new Error(`Cannot write a placeholder as ${extension}: ${path}`);
}

function textMarkup(caption: string, lang: string): string {
  const label = `<span font_weight="bold" font_size="50pt" letter_spacing="6144">${LABEL}</span>`;
  return `<span foreground="#1a1a1a">${label}\n<span font_size="24pt"> </span>\n<span lang="${escapeMarkup(lang)}">${escapeMarkup(caption)}</span></span>`;
}

function escapeMarkup(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Mid-grey ground, a frame with the usual placeholder cross, a light panel sized to the text. */
function backgroundSvg(textHeight: number): string {
  const panelWidth = TEXT_WIDTH + 2 * PANEL_PADDING;
  const panelHeight = textHeight + 2 * PANEL_PADDING;
  const panelX = (WIDTH - panelWidth) / 2;
  const panelY = Math.round((HEIGHT - panelHeight) / 2);
  const m = 48;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <rect width="100%" height="100%" fill="#8c8c8c"/>
  <g stroke="#6e6e6e" stroke-width="6" fill="none">
    <rect x="${m}" y="${m}" width="${WIDTH - 2 * m}" height="${HEIGHT - 2 * m}"/>
    <path d="M${m} ${m}L${WIDTH - m} ${HEIGHT - m}M${WIDTH - m} ${m}L${m} ${HEIGHT - m}"/>
  </g>
  <rect x="${panelX}" y="${panelY}" width="${panelWidth}" height="${panelHeight}" fill="#d2d2d2" stroke="#505050" stroke-width="4"/>
</svg>`;
}

/**
 * Points fontconfig at the @fontsource fonts only (regular and bold), so the text renders the same on
 * a machine without system fonts and no system font can hide a missing glyph. sharp's FreeType reads
 * neither WOFF nor WOFF2, so the WOFF files are unwrapped to plain font files in a temp dir.
 * Must run before the first text is rendered in this process. Returns the temp dir to remove.
 */
async function useBundledFonts(): Promise<string> {
  const require = createRequire(import.meta.url);
  const dir = await mkdtemp(join(tmpdir(), 'zine-fonts-'));
  const fontsDir = join(dir, 'fonts');
  await mkdir(fontsDir);
  for (const pkg of ['@fontsource/source-serif-4', '@fontsource/noto-serif-sc']) {
    const filesDir = join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
    for (const file of await readdir(filesDir)) {
      if (!/-(400|700)-normal\.woff$/.test(file)) continue;
      const font = woffToSfnt(await readFile(join(filesDir, file)));
      const extension = font.readUInt32BE(0) === 0x4f54544f ? '.otf' : '.ttf'; // 'OTTO' marks CFF outlines
      await writeFile(join(fontsDir, file.replace(/\.woff$/, extension)), font);
    }
  }
  const config = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>${fontsDir}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>
`;
  await writeFile(join(dir, 'fonts.conf'), config);
  process.env.FONTCONFIG_FILE = join(dir, 'fonts.conf');
  return dir;
}

async function writeAtomically(path: string, data: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, data);
  await rename(temp, path);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const manuscriptDir = resolve(process.argv[2] ?? 'manuscript');
  void generatePlaceholders(manuscriptDir).then((written) => console.log(`placeholders: ${written.length} images in ${relative(process.cwd(), join(manuscriptDir, 'images'))}`));
}
