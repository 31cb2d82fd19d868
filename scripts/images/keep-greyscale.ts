// Greyscale stays greyscale: sharp writes every image as sRGB unless told otherwise, tripling a grey image's samples.
import type { Metadata, Sharp } from 'sharp';

/** `pipeline` writing one grey channel (plus alpha) when its input was greyscale; else `pipeline` as it is. */
export function keepGreyscale(pipeline: Sharp, input: Pick<Metadata, 'space'>): Sharp {
  return input.space === 'b-w' || input.space === 'grey16' ? pipeline.toColourspace('b-w') : pipeline;
}
