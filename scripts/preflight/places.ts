// Where a preflight finding is in the manuscript: the chapter line of an image or of a piece of text, else zine.yaml.
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { placeOfText } from '../build/place-of-text.ts';
import type { Book } from '../manuscript/index.ts';
import type { Place } from '../manuscript/report.ts';
import type { PdfFacts, PlacedImage } from './read-pdf.ts';

export interface ManuscriptPlace {
  file: VFile;
  place?: Place;
  /** The image's path as the manuscript writes it, when the place is an image's. */
  src?: string;
}

interface BookImage extends ManuscriptPlace {
  src: string;
  /** Width over height of the source pixels. */
  aspect: number;
}

/**
 * Match the PDF's images to the manuscript's: the first image of page 1 is the cover (cropped to the cover's frame),
 * then each image to the next manuscript image, in reading order, whose pixels have the same shape (the print stage
 * only scales figures down). An image matching none keeps no place.
 */
export async function placeImages(book: Book, files: VFile[], facts: PdfFacts, aspectOf: (path: string) => Promise<number>): Promise<Map<string, ManuscriptPlace>> {
  const places = new Map<string, ManuscriptPlace>();
  const coverImage = facts.pages[0]?.images[0];
  if (book.cover && coverImage) places.set(coverImage.id, { src: book.cover.src, file: files[0]!, place: placeOfText([files[0]!], book.cover.src).place });
  const candidates: BookImage[] = await Promise.all(figuresInOrder(book).map(async (image) => ({ ...image, aspect: await aspectOf(book.images.get(image.src)!.path) })));
  let next = 0;
  for (const image of facts.pages.flatMap((page) => page.images)) {
    if (places.has(image.id)) continue;
    const found = candidates.findIndex((candidate, index) => index >= next && sameShape(candidate.aspect, image));
    if (found === -1) continue;
    places.set(image.id, candidates[found]!);
    next = found + 1;
  }
  return places;
}

/** A piece of PDF text in the chapters (its first words), else zine.yaml without a line. */
export function placeText(book: Book, files: VFile[], text: string): ManuscriptPlace {
  const chapters = book.chapters.map((chapter) => chapter.file);
  const words = text.trim().split(/\s+/).slice(0, 6).join(' ');
  const { file, place } = placeOfText(chapters, words);
  return place ? { file: file!, place } : { file: files[0]! };
}

function figuresInOrder(book: Book): Array<Omit<BookImage, 'aspect'>> {
  return book.chapters.flatMap((chapter) => {
    const found: Array<Omit<BookImage, 'aspect'>> = [];
    visit(chapter.tree, 'element', (node: Element) => {
      const src = node.tagName === 'img' ? node.properties.src : undefined;
      if (typeof src === 'string' && book.images.has(src)) found.push({ src, file: chapter.file, place: node.position });
    });
    return found;
  });
}

function sameShape(aspect: number, image: PlacedImage): boolean {
  return Math.abs(aspect - image.pixels.width / image.pixels.height) <= 0.02 * aspect;
}
