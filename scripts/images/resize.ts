// Image resizing with sharp: fit within a box, never enlarge, keep the format (JPEG, PNG, WebP), strip metadata.
import sharp from 'sharp';
import { memoizeByFile } from './file-memo.ts';
import { keepGreyscale } from './keep-greyscale.ts';

export interface ResizedImage {
  bytes: Uint8Array;
  /** File extension of the output format, without the dot. */
  extension: 'jpg' | 'png' | 'webp';
  width: number;
  height: number;
}

/** Resize the image at `path` to fit `maxSide` pixels on its long side (or keep its size), re-encoded for the screen; remembered until the file changes. */
export const resizeImage: (path: string, maxSide: number) => Promise<ResizedImage> = memoizeByFile(resizeUncached);

async function resizeUncached(path: string, maxSide: number): Promise<ResizedImage> {
  const input = sharp(path, { failOn: 'error', limitInputPixels: 100_000_000 }).rotate();
  const metadata = await input.metadata();
  const { format } = metadata;
  const resized = keepGreyscale(input, metadata).resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
  const encoded =
    format === 'jpeg' ? resized.jpeg({ quality: 82, mozjpeg: true }) : format === 'webp' ? resized.webp({ quality: 82 }) : resized.png({ compressionLevel: 9, palette: false });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  const extension = format === 'jpeg' ? 'jpg' : format === 'webp' ? 'webp' : 'png';
  return { bytes: new Uint8Array(data), extension, width: info.width, height: info.height };
}
