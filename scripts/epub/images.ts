// Manuscript images for e-readers: local files only, long side ≤ 1600 px, recompressed unless already fit, under names fixed by their source.
import path from 'node:path';
import type { Root } from 'hast';
import { readFile } from 'node:fs/promises';
import { toString } from 'hast-util-to-string';
import type { Metadata } from 'sharp';
import { SKIP, visit } from 'unist-util-visit';
import { memoizeByFile, storedByContent } from '../images/file-memo.ts';
import { keepGreyscale } from '../images/keep-greyscale.ts';
import { loadSharp } from '../images/load-sharp.ts';
import { shownSize } from '../images/shown-size.ts';
import type { Book } from '../manuscript/book.ts';
import { isInside } from '../paths/is-inside.ts';

/** Long side, in pixels, of images in the EPUB: sharp on e-ink and tablets, light enough for old readers. */
export const MAX_IMAGE_SIDE = 1600;

export interface EpubImage {
  /** The `src` written in the chapter trees. */
  src: string;
  /** Path inside the EPUB's content folder, e.g. `images/01-almaty-fog.png`. */
  href: string;
  mediaType: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
  width: number;
  height: number;
}

type Report = (reason: string, src?: string) => void;

/** Every image `src` in `trees`, once each, in reading order. */
export function collectImageSources(trees: readonly Root[]): string[] {
  const sources = new Set<string>();
  for (const tree of trees) {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img' && typeof node.properties.src === 'string') sources.add(node.properties.src);
    });
  }
  return [...sources];
}

/**
 * Encode each source that `book.images` knows as a file inside the manuscript; report and skip the rest (remote URLs
 * included: nothing is ever fetched). Names come from the file name, made unique in order.
 */
export async function encodeImages(book: Book, sources: readonly string[], report: Report): Promise<Map<string, EpubImage>> {
  const images = new Map<string, EpubImage>();
  const used = new Set<string>();
  // Every encode starts at once (sharp spreads them over its threads); names and reports still follow reading order.
  const encodes = sources.map((src) => {
    const asset = book.images.get(src);
    return asset && isInside(asset.path, book.root) ? encodeForReadersOnce(asset.path).then((encoded) => ({ encoded }), (error: Error) => ({ error })) : undefined;
  });
  for (const [index, src] of sources.entries()) {
    const result = await encodes[index];
    if (!result) {
      report(`Image \`${src}\` is not a file inside the manuscript: left out of the EPUB`, src);
    } else if ('error' in result) {
      report(`Image \`${src}\` could not be read (${result.error.message}): left out of the EPUB`, src);
    } else {
      const { encoded } = result;
      const href = uniqueName(`images/${imageStem(src)}`, encoded.extension, used);
      images.set(src, { src, href, mediaType: encoded.mediaType, bytes: encoded.bytes, width: encoded.width, height: encoded.height });
    }
  }
  return images;
}

/** rehype plugin: point each `img` at its file in the EPUB with its size; remove images that were left out. */
export function rehypeEpubImages(options: { images: ReadonlyMap<string, EpubImage> }) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const image = typeof node.properties.src === 'string' ? options.images.get(node.properties.src) : undefined;
      if (!image) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const { alt, width } = node.properties;
      node.properties = { src: image.href, alt: typeof alt === 'string' ? alt : '', ...shownSize(width, image) };
    });
  };
}

/** True when every image in `trees` has a non-empty alt text, or is a figure's image its caption describes. */
export function everyImageHasAlt(trees: readonly Root[]): boolean {
  let missing = false;
  for (const tree of trees) {
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName !== 'img' || String(node.properties.alt ?? '').trim() !== '') return;
      const captioned = parent?.type === 'element' && parent.tagName === 'figure' && parent.children.some((child) => child.type === 'element' && child.tagName === 'figcaption' && toString(child).trim() !== '');
      if (!captioned) missing = true;
    });
  }
  return !missing;
}

/** Encoded once per file version: a watch rebuild re-encodes only the images that changed, a new run only new ones. */
const encodeForReadersOnce = memoizeByFile(storedByContent('epub-images', encodeForReaders));

async function encodeForReaders(file: string) {
  const sharp = await loadSharp();
  const input = sharp(file, { failOn: 'error', limitInputPixels: 100_000_000 });
  const metadata = await input.metadata();
  const { format, hasAlpha } = metadata;
  if (fitsAsIs(metadata)) return { bytes: new Uint8Array(await readFile(file)), extension: format === 'png' ? 'png' : 'jpg', mediaType: format === 'png' ? ('image/png' as const) : ('image/jpeg' as const), width: metadata.width, height: metadata.height };
  input.rotate();
  const resized = keepGreyscale(input, metadata).resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
  // PNG stays PNG (line art and text stay crisp on e-ink), so does anything transparent; the rest becomes JPEG.
  const png = format === 'png' || hasAlpha;
  const encoded = png ? resized.png({ compressionLevel: 9, adaptiveFiltering: true }) : resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return {
    bytes: new Uint8Array(data),
    extension: png ? 'png' : 'jpg',
    mediaType: png ? ('image/png' as const) : ('image/jpeg' as const),
    width: info.width,
    height: info.height,
  };
}

/**
 * A PNG or JPEG already within the size, upright, and carrying no metadata (EXIF, ICC, XMP, IPTC, text chunks) goes
 * in as it is: decoding and encoding it again would cost time and, for PNG, usually bytes.
 */
function fitsAsIs(metadata: Metadata): metadata is Metadata & { format: 'png' | 'jpeg' } {
  const { format, width, height, orientation, exif, icc, xmp, iptc, comments } = metadata;
  if (format !== 'png' && format !== 'jpeg') return false;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || (orientation ?? 1) !== 1) return false;
  return !exif && !icc && !xmp && !iptc && (comments?.length ?? 0) === 0;
}

function imageStem(src: string): string {
  const stem = path.posix.basename(src).replace(/\.[^.]*$/, '');
  const ascii = stem.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return ascii === '' ? 'image' : ascii;
}

function uniqueName(stem: string, extension: string, used: Set<string>): string {
  let name = `${stem}.${extension}`;
  for (let count = 2; used.has(name); count++) name = `${stem}-${count}.${extension}`;
  used.add(name);
  return name;
}
