// The package metadata, as the OPF template reads it: zine.yaml verbatim, plus modification date and accessibility.
import { directionOf, labelsFor, type Direction } from '../languages/index.ts';
import type { Book } from '../manuscript/book.ts';
import type { EpubImage } from './images.ts';

export interface EpubMetadata {
  identifier: string;
  title: string;
  subtitle?: string;
  authors: string[];
  publisher?: string;
  /** The book's main language, then every other language a chapter is written in. */
  lang: string;
  /** The book's writing direction: the spine's page progression, the nav's `dir`. */
  direction: Direction;
  languages: string[];
  date: string;
  description?: string;
  rights?: string;
  subjects: string[];
  /** `dcterms:modified`: CCYY-MM-DDThh:mm:ssZ. */
  modified: string;
  accessibility: { modes: string[]; sufficient: string[]; features: string[]; summary: string };
  images: Pick<EpubImage, 'href' | 'mediaType'>[];
  /** File of the first chapter: the `bodymatter` landmark. */
  bodymatter: string;
  /** The landmarks' names in the book's language: the cover label, and the first chapter's title (with its language). */
  landmarks: { cover: string; bodymatter: { title: string; lang: string } };
}

/** Metadata for `book`; `allImagesDescribed` tells whether every image has alt text (else that is not claimed). */
export function epubMetadata(book: Book, parts: { modified: Date; images: readonly EpubImage[]; bodymatter: string; allImagesDescribed: boolean }): EpubMetadata {
  const { config } = book;
  const languages = [...new Set(book.chapters.map((chapter) => chapter.lang))].filter((lang) => lang !== config.lang);
  const visual = parts.images.length > 0;
  return {
    identifier: config.identifier,
    title: config.title,
    subtitle: config.subtitle,
    authors: config.authors,
    publisher: config.publisher,
    lang: config.lang,
    direction: directionOf(config.lang),
    languages,
    date: config.date,
    description: config.description,
    rights: config.rights,
    subjects: config.subjects,
    modified: `${parts.modified.toISOString().slice(0, 19)}Z`,
    accessibility: {
      modes: visual ? ['textual', 'visual'] : ['textual'],
      sufficient: visual ? (parts.allImagesDescribed ? ['textual', 'textual,visual'] : ['textual,visual']) : ['textual'],
      features: [...(visual && parts.allImagesDescribed ? ['alternativeText'] : []), 'structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'],
      summary: config.epub.accessibilitySummary,
    },
    images: parts.images.map(({ href, mediaType }) => ({ href, mediaType })),
    bodymatter: parts.bodymatter,
    landmarks: {
      cover: labelsFor(config.lang, config.labels).cover,
      bodymatter: { title: book.chapters[0]?.title ?? config.title, lang: book.chapters[0]?.lang ?? config.lang },
    },
  };
}
