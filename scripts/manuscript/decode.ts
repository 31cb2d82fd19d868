// Strict UTF-8 decoding: a file that is not UTF-8 is reported at the line and column of its first bad byte.
import type { VFile } from 'vfile';
import { reportError } from './report.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decode `bytes` as UTF-8 (dropping a BOM, normalising CRLF); report and return undefined when invalid. */
export function decodeUtf8(bytes: Uint8Array, file: VFile): string | undefined {
  try {
    return decoder.decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    const bad = firstInvalidByte(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, bad)).split('\n');
    const place = { line: before.length, column: before[before.length - 1]!.length + 1 };
    reportError(file, `File is not UTF-8 (invalid byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}): save it as UTF-8`, place, 'encoding');
    return undefined;
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    index += length;
  }
  return Math.max(0, bytes.length - 1);
}
