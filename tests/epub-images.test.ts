// EPUB images: a PNG or JPEG that already fits goes in byte for byte; a larger, rotated or metadata-carrying one is encoded again.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { encodeImages, MAX_IMAGE_SIDE } from '../scripts/epub/images.ts';
import type { Book } from '../scripts/manuscript/book.ts';

test('epub images: fitting files pass through unchanged, the rest are resized, turned upright and stripped', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'zine-epub-images-'));
  const grey = { create: { width: 300, height: 200, channels: 3 as const, background: '#808080' } };
  const files: Record<string, Buffer> = {
    'fits.png': await sharp(grey).png().toBuffer(),
    'fits.jpg': await sharp(grey).jpeg().toBuffer(),
    'wide.png': await sharp({ create: { ...grey.create, width: 2400 } }).png().toBuffer(),
    'turned.jpg': await sharp(grey).jpeg().withMetadata({ orientation: 6 }).toBuffer(),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(root, name), bytes);
  const images = new Map(Object.keys(files).map((name) => [name, { src: name, path: path.join(root, name) }]));
  const book = { root, images } as unknown as Book;
  const reports: string[] = [];
  const encoded = await encodeImages(book, Object.keys(files), (reason) => reports.push(reason));
  assert.deepEqual(reports, []);

  assert.deepEqual(Buffer.from(encoded.get('fits.png')!.bytes), readFileSync(path.join(root, 'fits.png')));
  assert.deepEqual(Buffer.from(encoded.get('fits.jpg')!.bytes), readFileSync(path.join(root, 'fits.jpg')));
  assert.deepEqual([encoded.get('fits.jpg')!.mediaType, encoded.get('fits.jpg')!.href], ['image/jpeg', 'images/fits.jpg']);

  const wide = encoded.get('wide.png')!;
  assert.deepEqual([wide.mediaType, wide.width, wide.height], ['image/png', MAX_IMAGE_SIDE, 133]);
  const turned = encoded.get('turned.jpg')!;
  const metadata = await sharp(turned.bytes).metadata();
  assert.deepEqual([turned.width, turned.height, metadata.orientation, metadata.exif], [200, 300, undefined, undefined], 'turned upright, EXIF gone');
});
