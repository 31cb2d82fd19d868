// Decompression bombs: valid PNGs whose few hundred kB of zlib data inflate to a huge greyscale image.
import { crc32, createDeflate } from 'node:zlib';

/** A real PNG of `width`×`height` black 8-bit grey pixels: small on disk, `width`×`height` bytes once decoded. */
export async function pngBomb(width: number, height: number): Promise<Buffer> {
  return pngFile(width, height, await zeroRows(width, height));
}

/** An 8-bit greyscale PNG whose header says `width`×`height`, with `compressedRows` as its image data (true or not). */
export function pngFile(width: number, height: number, compressedRows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', compressedRows), chunk('IEND', Buffer.alloc(0))]);
}

/** Deflate `height` rows of (filter byte + `width` zero bytes), streamed so the test itself stays small. */
async function zeroRows(width: number, height: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (data: Buffer) => chunks.push(data));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const rowsPerWrite = 256;
  const block = Buffer.alloc((width + 1) * rowsPerWrite);
  for (let row = 0; row < height; row += rowsPerWrite) {
    const rows = Math.min(rowsPerWrite, height - row);
    if (!deflate.write(block.subarray(0, (width + 1) * rows))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
