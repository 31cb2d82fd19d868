// A configured cover image as the e-book's cover: within 1600×2400 (what e-book stores ask for), JPEG.
import { storedByContent } from './file-memo.ts';
import { loadSharp } from './load-sharp.ts';

/** The image at `path` fitted into 1600×2400 (never enlarged) and encoded as JPEG; kept on disk by the file's content. */
export const coverJpeg: (path: string) => Promise<{ bytes: Uint8Array; mediaType: 'image/jpeg' }> = storedByContent('epub-covers', async (path) => {
  const sharp = await loadSharp();
  const bytes = await sharp(path).rotate().resize({ width: 1600, height: 2400, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
  return { bytes: new Uint8Array(bytes), mediaType: 'image/jpeg' as const };
});
