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
}

interface BookImage extends ManuscriptPlace {
  src: string;
  /** Width over height of the source pixels. */
  aspect: number;
}

/**
 * Match the PDF's images to the manuscript's, in reading order: the next manuscript image whose pixels have the same
 * shape (the print stage only scales them down). Images the manuscript does not name (none today) stay unmatched.
 */
export async function placeImages(book: Book, files: VFile[], facts: PdfFacts, aspectOf: (path: string) => Promise<number>): Promise<Map<string, ManuscriptPlace>> {
  const listed = bookImagesInOrder(book, files);
  const candidates: BookImage[] = await Promise.all(listed.map(async (image) => ({ ...image, aspect: await aspectOf(book.images.get(image.src)!.path) })));
  const places = new Map<string, ManuscriptPlace>();
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

function bookImagesInOrder(book: Book, files: VFile[]): Array<Omit<BookImage, 'aspect'>> {
  const cover = book.cover ? [{ src: book.cover.src, ...placeOfText([files[0]!], book.cover.src) }] : [];
  const figures = book.chapters.flatMap((chapter) => {
    const found: Array<Omit<BookImage, 'aspect'>> = [];
    visit(chapter.tree, 'element', (node: Element) => {
      const src = node.tagName === 'img' ? node.properties.src : undefined;
      if (typeof src === 'string' && book.images.has(src)) found.push({ src, file: chapter.file, place: node.position });
    });
    return found;
  });
  return [...cover, ...figures].map((image) => ({ ...image, file: image.file ?? files[0]! }));
}

function sameShape(aspect: number, image: PlacedImage): boolean {
  return Math.abs(aspect - image.pixels.width / image.pixels.height) <= 0.02 * aspect;
}
