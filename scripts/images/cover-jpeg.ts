// A configured cover image as the e-book's cover: within 1600×2400 (what e-book stores ask for), JPEG.
import sharp from 'sharp';

/** The image at `path` fitted into 1600×2400 (never enlarged) and encoded as JPEG. */
export async function coverJpeg(path: string): Promise<{ bytes: Uint8Array; mediaType: 'image/jpeg' }> {
  const bytes = await sharp(path).rotate().resize({ width: 1600, height: 2400, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
  return { bytes: new Uint8Array(bytes), mediaType: 'image/jpeg' };
}
