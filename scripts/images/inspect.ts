// Is an image file one we can use? Format and size are read from its header; then it is decoded once, bounded.
import type { Metadata } from 'sharp';
import { memoizeByFile, storedByContent } from './file-memo.ts';
import { loadSharp } from './load-sharp.ts';

/** Formats every output can carry; SVG is refused because it can reference other files. */
const SUPPORTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);
/** Larger images are refused before decoding: a 30000×30000 "decompression bomb" would need gigabytes. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export type ImageCheck = { ok: true; format: string; width: number; height: number } | { ok: false; reason: string; rule: string };

/** Check the image at `path` (absolute); results are remembered until the file changes, and kept on disk by its content. */
export const inspectImage: (path: string) => Promise<ImageCheck> = memoizeByFile(storedByContent('image-checks', inspectUncached));

async function inspectUncached(path: string): Promise<ImageCheck> {
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    metadata = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: 'is not an image sharp can read (corrupt, or another kind of file)', rule: 'invalid-image' };
  }
  const { format, width = 0, height = 0 } = metadata;
  if (!SUPPORTED_FORMATS.has(format)) return { ok: false, reason: `is ${format.toUpperCase()}, not a supported format (JPEG, PNG, WebP, GIF)`, rule: 'unsupported-image' };
  if (width * height > MAX_IMAGE_PIXELS) return { ok: false, reason: `is ${width}×${height} pixels, more than the ${MAX_IMAGE_PIXELS / 1e6} megapixels allowed`, rule: 'image-too-large' };
  try {
    await sharp(path, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS }).resize(64).toBuffer();
  } catch (error) {
    return { ok: false, reason: `cannot be decoded: ${(error as Error).message.split('\n')[0]}`, rule: 'invalid-image' };
  }
  return { ok: true, format, width, height };
}
