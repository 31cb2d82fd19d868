// The EPUB stage: a Book and its cover → the bytes of a reproducible, accessible EPUB 3.
import type { Root } from 'hast';
import { hanLangOf, tagHanRuns } from '../languages/han-runs.ts';
import { directionOf, labelsFor } from '../languages/index.ts';
import { pngOrJpeg } from '../images/image-format.ts';
import type { Book, Chapter } from '../manuscript/book.ts';
import { chapterAnchor } from '../manuscript/names.ts';
import { collectImageSources, encodeImages, everyImageHasAlt, rehypeEpubImages } from './images.ts';
import { collectIds, rehypeEpubLinks, xmlSafeIds } from './links.ts';
import { epubMetadata } from './metadata.ts';
import { rehypeEpubNotes } from './notes.ts';
import { packageEpub, type PageSpec } from './package.ts';
import { rehypeXhtmlCompat, toXhtmlFragment } from './xhtml.ts';
import { repackEpub } from './zip.ts';
import { hasMath } from '../math/font.ts';

export { rehypeEpubNotes } from './notes.ts';

export interface RenderEpubOptions {
  /** The cover image: the `cover-image` item and the first page. */
  cover: { bytes: Uint8Array; mediaType: 'image/jpeg' | 'image/png' };
  /** `dcterms:modified` and the zip entries' date (pass SOURCE_DATE_EPOCH for reproducible builds); default now. */
  modified?: Date;
  /** Called for each manuscript problem the EPUB works around (an image left out, a dead link). */
  report?: (reason: string, src?: string) => void;
}

/** Render `book` as an EPUB 3: one XHTML file per chapter, pop-up footnotes, resized images, nav + NCX. */
export async function renderEpub(book: Book, options: RenderEpubOptions): Promise<Uint8Array> {
  checkCover(options.cover);
  const report = options.report ?? (() => {});
  const modified = options.modified ?? new Date();
  const files = chapterFileNames(book.chapters);
  const trees = book.chapters.map((chapter) => structuredClone(chapter.tree));
  const { backToNote } = labelsFor(book.config.lang, book.config.labels);
  trees.forEach((tree, index) => rehypeEpubNotes({ notes: book.chapters[index]!.notes, backToNote })(tree));
  xmlSafeIds(trees);
  const targets = linkTargets(book.chapters, trees, files);
  trees.forEach((tree, index) => rehypeEpubLinks({ file: files[index]!, targets, report })(tree));

  const images = await encodeImages(book, collectImageSources(trees), report);
  trees.forEach((tree) => rehypeEpubImages({ images })(tree));
  const allImagesDescribed = everyImageHasAlt(trees);
  if (!allImagesDescribed) report('Some images have no alternative text: the EPUB does not claim `alternativeText`');
  trees.forEach((tree) => rehypeXhtmlCompat()(tree));

  const metadata = epubMetadata(book, { modified, images: [...images.values()], bodymatter: files[0] ?? 'toc.xhtml', allImagesDescribed });
  const coverExtension = options.cover.mediaType === 'image/png' ? 'png' : 'jpeg';
  const { title, subtitle, authors, publisher, rights } = book.config;
  const tagged = { titleXhtml: taggedXhtml(title, book), subtitleXhtml: subtitle ? taggedXhtml(subtitle, book) : '' };
  const frontMatter = { title, subtitle, authors, publisher, rights, ...tagged };
  const front = { ...frontMatter, cover: { extension: coverExtension, alt: `${labelsFor(book.config.lang, book.config.labels).cover}: ${book.config.title}` } };
  const pages: PageSpec[] = [
    { kind: 'cover', filename: 'cover.xhtml', itemId: 'cover', title: book.config.title, lang: book.config.lang, dir: directionOf(book.config.lang), content: '', beforeToc: true, excludeFromToc: true, book: front },
    { kind: 'titlepage', filename: 'titlepage.xhtml', itemId: 'titlepage', title: book.config.title, lang: book.config.lang, dir: directionOf(book.config.lang), content: '', beforeToc: true, excludeFromToc: true, book: front },
    ...book.chapters.map((chapter, index) => chapterPage(chapter, files[index]!, trees[index]!, front)),
  ];

  const zip = await packageEpub({
    metadata: { title: book.config.title, lang: book.config.lang, authors: book.config.authors, publisher: book.config.publisher },
    templateData: { zine: metadata },
    tocTitle: book.config.epub.tocTitle ?? labelsFor(book.config.lang, book.config.labels).contents,
    pages,
    cover: options.cover,
    files: [...images.values()].map(({ href, bytes }) => ({ href, bytes })),
    templates: book,
  });
  return repackEpub(zip, modified);
}

/** A title or subtitle as XHTML, its Chinese runs tagged with their language (`lang` and `xml:lang`). */
function taggedXhtml(text: string, book: Book): string {
  const tree: Root = { type: 'root', children: tagHanRuns(text, book.config.lang, hanLangOf(book)) };
  rehypeXhtmlCompat()(tree);
  return toXhtmlFragment(tree);
}

/** File names from chapter ids, numbered in reading order: `01-introduction.xhtml`. */
export function chapterFileNames(chapters: readonly Pick<Chapter, 'id'>[]): string[] {
  const width = Math.max(2, String(chapters.length).length);
  return chapters.map((chapter, index) => {
    const stem = chapter.id.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
    const number = String(index + 1).padStart(width, '0');
    return stem === '' ? `${number}-chapter.xhtml` : `${number}-${stem}.xhtml`;
  });
}

/** The cover must be what its media type says: a mislabelled cover-image makes an invalid EPUB. */
function checkCover(cover: RenderEpubOptions['cover']) {
  const format = pngOrJpeg(cover.bytes);
  const expected = cover.mediaType === 'image/png' ? 'png' : 'jpeg';
  if (format !== expected) throw new Error(`renderEpub: the cover is ${format ?? 'not an image'}, not ${cover.mediaType}`);
}

function chapterPage(chapter: Chapter, filename: string, tree: Root, book: Record<string, unknown>): PageSpec {
  const itemId = `chapter-${filename.replace(/\.xhtml$/, '')}`;
  return { kind: 'chapter', filename, itemId, title: chapter.title, lang: chapter.lang, dir: directionOf(chapter.lang), sectionId: chapterAnchor(chapter), content: '', body: toXhtmlFragment(tree), book, mathml: hasMath(tree) };
}

/** Which file holds each id: the chapter's own id (its `<section>`) and every id in its tree. */
function linkTargets(chapters: readonly Chapter[], trees: readonly Root[], files: readonly string[]): Map<string, string> {
  const targets = new Map<string, string>();
  chapters.forEach((chapter, index) => {
    for (const id of [chapterAnchor(chapter), ...collectIds(trees[index]!)]) if (!targets.has(id)) targets.set(id, files[index]!);
  });
  return targets;
}
