// The book model every output renders: the validated config and one compiled tree per chapter.
import type { ElementContent, Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import type { ZineConfig } from '../config/schema.ts';

/** A footnote, numbered continuously across the book. */
export interface Note {
  /** 1-based number across the whole book, in reading order of first call. */
  number: number;
  /** The note's content as hast (paragraphs). */
  content: ElementContent[];
}

/** An image the manuscript uses, by its manuscript-relative path (the `src` written in every chapter tree). */
export interface ImageAsset {
  /** Path relative to the manuscript folder with forward slashes, e.g. `images/01-fog.png`: the `src` in the trees. */
  src: string;
  /** Absolute path on disk. */
  path: string;
}

export interface Chapter {
  /** Stable id from the file name (`01-introduction`): used for file names, anchors and ids. */
  id: string;
  /** The source file, with its messages. */
  file: VFile;
  /** The chapter title as plain text: front matter `title`, else the first heading of the highest level, else from the file name. */
  title: string;
  /** BCP 47 language of the chapter (front matter `lang`, else the book's). */
  lang: string;
  /**
   * The chapter body as hast: a `<section>` per chapter is added by each output. Figures are
   * `<figure><img src alt><figcaption>`; note calls are `<a data-note-call="N">` with no children, to be
   * rendered by each output (pop-up, page-foot or endnote); headings carry GitHub's slugs as ids, unique in the
   * book (`book-ids.ts`), and in-book links are `#id` fragments of the one book (`book-links.ts`).
   */
  tree: HastRoot;
  /** Notes called in this chapter, in order. */
  notes: Note[];
}

export interface Book {
  config: ZineConfig;
  /** Absolute path of the manuscript folder. */
  root: string;
  /** URL-safe name of the book from its title, for output file names. */
  slug: string;
  chapters: Chapter[];
  /** Every image any chapter uses (and the cover, if configured), keyed by `src`. */
  images: Map<string, ImageAsset>;
  /** The configured cover image, resolved and checked (its `src` is how `images` knows it). */
  cover?: ImageAsset;
}
