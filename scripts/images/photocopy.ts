// Photocopy-ready images: greyscale with opened-up shadows, optionally screened to pure black-and-white dots.
import sharp, { type Sharp } from 'sharp';

export type PrintTone = 'colour' | 'photocopy' | 'halftone';

/** A 45°-looking clustered-dot threshold cell (values 0–63): dots grow from the centre, as a copier's screen does. */
const CLUSTERED_DOT = [
  [24, 10, 12, 26, 35, 47, 49, 37],
  [8, 0, 2, 14, 45, 59, 61, 51],
  [22, 6, 4, 16, 43, 57, 63, 53],
  [30, 20, 18, 28, 33, 41, 55, 39],
  [34, 46, 48, 36, 25, 11, 13, 27],
  [44, 58, 60, 50, 9, 1, 3, 15],
  [42, 56, 62, 52, 23, 7, 5, 17],
  [32, 40, 54, 38, 31, 21, 19, 29],
];

/**
 * Convert `image` for a photocopier: greyscale, contrast stretched, shadows lifted (copiers fill in dark greys).
 * With `halftone`, the grey levels become a clustered-dot screen of pure black and white (1-bit PNG).
 */
export async function photocopyImage(image: Sharp, tone: Exclude<PrintTone, 'colour'>): Promise<Buffer> {
  const grey = image.greyscale().normalise({ lower: 2, upper: 98 }).linear(0.85, 30);
  if (tone === 'photocopy') return grey.png({ compressionLevel: 9 }).toBuffer();
  const { data, info } = await grey.raw().toBuffer({ resolveWithObject: true });
  return sharp(screen(data, info.width, info.height), { raw: { width: info.width, height: info.height, channels: 1 } })
    .png({ compressionLevel: 9, palette: true, colours: 2 })
    .toBuffer();
}

/** Threshold each grey pixel against the clustered-dot cell tiled over the image. */
export function screen(grey: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = CLUSTERED_DOT[y % 8]!;
    for (let x = 0; x < width; x++) {
      const threshold = (row[x % 8]! + 0.5) * 4;
      out[y * width + x] = grey[y * width + x]! > threshold ? 255 : 0;
    }
  }
  return out;
}
