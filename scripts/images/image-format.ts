// Which of the two e-book image formats a file's bytes are, by their signature (what readers and EPUBCheck go by).

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

export function pngOrJpeg(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  const starts = (signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  return starts(PNG_SIGNATURE) ? 'png' : starts(JPEG_SIGNATURE) ? 'jpeg' : undefined;
}
