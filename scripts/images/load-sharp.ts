// sharp is loaded on first use: a build whose images were all checked and encoded before (the disk store) never starts libvips.
import type sharpModule from 'sharp';

export async function loadSharp(): Promise<typeof sharpModule> {
  return (await import('sharp')).default;
}
