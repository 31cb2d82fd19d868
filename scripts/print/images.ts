// Images scaled to 300 dpi at the largest size print can show them, cached by content hash so rebuilds are instant.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { photocopyImage, type PrintTone } from '../images/photocopy.ts';
import type { ImageAsset } from '../manuscript/book.ts';

export const PRINT_DPI = 300;
/** Bump when the encoding below changes, so old cache entries are not reused. */
const CACHE_VERSION = 'print-images-2';

export interface PixelBox {
  width: number;
  height: number;
}

/** The pixels an image needs to print at `PRINT_DPI` in a box of `width` × `height` points. */
export function pixelsForPrint(width: number, height: number): PixelBox {
  return { width: Math.round((width / 72) * PRINT_DPI), height: Math.round((height / 72) * PRINT_DPI) };
}

/**
 * Downsample each image to fit `box` pixels (never enlarge) into `cacheDir`, in colour or made photocopy-ready;
 * returns `src` → cache file name.
 */
export async function preparePrintImages(images: Iterable<ImageAsset>, box: PixelBox, cacheDir: string, tone: PrintTone = 'colour'): Promise<Map<string, string>> {
  await mkdir(cacheDir, { recursive: true });
  const prepared = new Map<string, string>();
  await Promise.all(
    [...images].map(async (image) => {
      prepared.set(image.src, await preparePrintImage(image.path, box, cacheDir, tone));
    }),
  );
  return prepared;
}

async function preparePrintImage(file: string, box: PixelBox, cacheDir: string, tone: PrintTone): Promise<string> {
  const bytes = await readFile(file);
  const { width: maxWidth, height: maxHeight } = box;
  const hash = createHash('sha256').update(`${CACHE_VERSION}\0${maxWidth}x${maxHeight}\0${tone}\0`).update(bytes).digest('hex').slice(0, 32);
  const input = sharp(bytes, { failOn: 'error', limitInputPixels: 200_000_000 });
  const { format } = await input.metadata();
  const extension = format === 'jpeg' && tone === 'colour' ? 'jpg' : 'png';
  return cached(cacheDir, `${hash}.${extension}`, async () => {
    const resized = input.rotate().resize({ width: maxWidth, height: maxHeight, fit: 'inside', withoutEnlargement: true });
    if (tone !== 'colour') return photocopyImage(resized, tone);
    const encoded = extension === 'jpg' ? resized.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }) : resized.png({ compressionLevel: 9 });
    return encoded.toBuffer();
  });
}

async function cached(cacheDir: string, name: string, make: () => Promise<Uint8Array>): Promise<string> {
  const target = path.join(cacheDir, name);
  const exists = await stat(target).then((info) => info.size > 0, () => false);
  if (!exists) {
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, await make());
    await rename(temporary, target);
  }
  return name;
}
