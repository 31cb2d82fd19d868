// The book as one HTML document for Paged.js: cover, contents, then one section per chapter with print footnotes.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Book, Chapter } from '../manuscript/book.ts';
import { directionOf, labelsFor, tagLatinRuns, type Direction } from '../languages/index.ts';
import { chapterAnchor } from '../manuscript/names.ts';
import { themeTextFace } from '../theme/themes.ts';
import { fillTemplate, readTemplate, templateUrl } from '../template/index.ts';
import { rehypeAsciiIds } from './ascii-ids.ts';
import { coverContent } from './cover-content.ts';
import { fontLinks } from './fonts.ts';
import { rehypePrintFootnotes } from './footnotes.ts';
import { rehypeHyphenate } from './hyphenate.ts';
import { mirroredPageFurnitureCss, pageStyleCss } from './page-style.ts';

/** The print stylesheets, each followed by its theme's additions, then the fancy-list markers. */
export const PRINT_STYLESHEETS = ['cover/cover.css', 'cover/theme.css', 'print/print.css', 'print/theme.css', 'dialects.css'];

export const CONTENTS_ANCHOR = 'zine-contents';

export { chapterAnchor } from '../manuscript/names.ts';

/** The print document, whole and in parts: a chapter starts a page, so each can be laid out alone (incremental.ts). */
export interface PrintDocument {
  /** The complete document: cover, contents, chapters. */
  html: string;
  /** The markup of the front matter (cover and contents), and of each chapter's section, as they are in `html`. */
  front: string;
  chapters: string[];
  /**
   * A document of chapter `index` alone, its first page numbered `firstPage`: after `padPages` pages to drop (one or
   * two, so the chapter opens on the side it has in the book), the first holding the ids its links point to in other
   * chapters, so Chromium makes those links.
   */
  chapterDocument: (index: number, firstPage: number) => { html: string; padPages: number };
}

/** The complete print document; `imageUrl` maps a manuscript image `src` to the URL the sandbox serves it at. */
export async function buildPrintDocument(book: Book, imageUrl: (src: string) => string | undefined): Promise<PrintDocument> {
  const { config } = book;
  const chapters: Root = { type: 'root', children: book.chapters.map((chapter) => chapterSection(chapter, directionOf(config.lang))) };
  if (config.print.hyphenate) rehypeHyphenate({ lang: config.lang })(chapters);
  // A contents page listing one chapter would only spend a page (a pamphlet): a one-chapter book has none.
  const contents = book.chapters.length > 1 ? [contentsSection(book)] : [];
  const front = [coverSection(book, imageUrl), ...contents];
  const body: Root = { type: 'root', children: [...front, ...(chapters.children as Element[])] };
  rehypeRewriteImages(imageUrl)(body);
  rehypeOpenDetails()(body);
  rehypeAsciiIds()(body);
  const template = await readTemplate('print/page.html', book);
  const fill = (markup: string, extraStyle = '') =>
    fillTemplate(template, {
      lang: config.lang,
      dir: directionOf(config.lang),
      title: config.title,
      fontLinks: fontLinks(themeTextFace(config.theme)),
      stylesheets: PRINT_STYLESHEETS.map((name) => `<link rel="stylesheet" href="${templateUrl(name, book)}">`).join('\n'),
      pageStyle: pageStyleCss(config.print, directionOf(config.lang)) + extraStyle,
      directionStyle: mirroredPageFurnitureCss(directionOf(config.lang)),
      body: markup,
    });
  const frontHtml = toHtml({ type: 'root', children: body.children.slice(0, front.length) });
  const chapterHtml = body.children.slice(front.length).map((section) => toHtml(section));
  return {
    html: fill(frontHtml + chapterHtml.join('')),
    front: frontHtml,
    chapters: chapterHtml,
    chapterDocument(index, firstPage) {
      const chapter = chapterHtml[index]!;
      const own = new Set([...chapter.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!));
      const foreign = [...new Set([...chapter.matchAll(/ href="#([^"]+)"/g)].map((match) => match[1]!))].filter((id) => !own.has(id));
      // Paged.js makes a document's first page a right-hand one.
      const padPages = firstPage % 2 === 0 ? 1 : 2;
      // Each pad holds a space: Paged.js folds an empty block into the page before it.
      const pads = `<div class="zine-part-pad">${foreign.map((id) => `<span id="${id}"></span>`).join('')}&nbsp;</div>` + (padPages === 2 ? '<div class="zine-part-pad">&nbsp;</div>' : '');
      // Paged.js reads breaks from style sheets, not from style attributes.
      const style = `\n.zine-part-pad + .zine-part-pad { break-before: page; }\n.pagedjs_page.pagedjs_first_page { --pagedjs-page-counter-increment: ${firstPage - padPages}; }`;
      return { html: fill(pads + chapter, style), padPages };
    },
  };
}

function coverSection(book: Book, imageUrl: (src: string) => string | undefined): Element {
  return h('section.cover-page', { id: 'zine-cover', ariaLabel: labelsFor(book.config.lang, book.config.labels).cover }, [coverContent(book, imageUrl)]);
}

function contentsSection(book: Book): Element {
  return h('nav.contents', { id: CONTENTS_ANCHOR, role: 'doc-toc' }, [
    h('h1.contents-title', labelsFor(book.config.lang, book.config.labels).contents),
    h(
      'ol',
      book.chapters.map((chapter) => {
        // Three digits hold the place of the page number while the contents are laid out (print.css).
        const entry = h('li', { lang: chapter.lang === book.config.lang ? undefined : chapter.lang }, [h('a', { href: `#${chapterAnchor(chapter)}`, dataPage: '000' }, chapter.title)]);
        tagLatinRuns(entry, chapter.lang);
        return entry;
      }),
    ),
  ]);
}

function chapterSection(chapter: Chapter, bookDirection: Direction): Element {
  const tree = structuredClone(chapter.tree);
  rehypePrintFootnotes({ notes: chapter.notes, lang: chapter.lang })(tree);
  const dir = directionOf(chapter.lang);
  // The running head comes from the chapter's title, not from whichever heading lands first on a page (print.css).
  return h('section.chapter', { id: chapterAnchor(chapter), lang: chapter.lang, dir: dir === bookDirection ? undefined : dir, dataRunningHead: chapter.title }, tree.children as ElementContent[]);
}

/** Point each `<img>` of a known manuscript image at its downsampled print copy. */
function rehypeRewriteImages(imageUrl: (src: string) => string | undefined) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      const url = imageUrl(node.properties.src);
      if (url) node.properties.src = url;
    });
  };
}

/** Paper cannot be clicked open: every `<details>` prints open, or its text would be missing from the book. */
function rehypeOpenDetails() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'details') node.properties.open = true;
    });
  };
}
