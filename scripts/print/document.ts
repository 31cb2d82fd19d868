// The book as one HTML document for Paged.js: cover, contents, then one section per chapter with print footnotes.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Book, Chapter } from '../manuscript/book.ts';
import { directionOf, labelsFor, type Direction } from '../languages/index.ts';
import { chapterAnchor } from '../manuscript/names.ts';
import { themeTextFace } from '../theme/themes.ts';
import { fillTemplate, readTemplate, templateUrl } from '../template/index.ts';
import { coverContent } from './cover-content.ts';
import { fontLinks } from './fonts.ts';
import { rehypePrintFootnotes } from './footnotes.ts';
import { rehypeHyphenate } from './hyphenate.ts';
import { mirroredPageFurnitureCss, pageStyleCss } from './page-style.ts';

/** The print stylesheets, each followed by its theme's additions, then the fancy-list markers. */
const PRINT_STYLESHEETS = ['cover/cover.css', 'cover/theme.css', 'print/print.css', 'print/theme.css', 'fancy-lists.css'];

export const CONTENTS_ANCHOR = 'zine-contents';

export { chapterAnchor } from '../manuscript/names.ts';

/** The complete print document; `imageUrl` maps a manuscript image `src` to the URL the sandbox serves it at. */
export async function buildPrintDocument(book: Book, imageUrl: (src: string) => string | undefined): Promise<string> {
  const { config } = book;
  const chapters: Root = { type: 'root', children: book.chapters.map((chapter) => chapterSection(chapter, directionOf(config.lang))) };
  if (config.print.hyphenate) rehypeHyphenate({ lang: config.lang })(chapters);
  const body: Root = { type: 'root', children: [coverSection(book, imageUrl), contentsSection(book), ...(chapters.children as Element[])] };
  rehypeRewriteImages(imageUrl)(body);
  rehypeOpenDetails()(body);
  return fillTemplate(await readTemplate('print/page.html', book), {
    lang: config.lang,
    dir: directionOf(config.lang),
    title: config.title,
    fontLinks: fontLinks(themeTextFace(config.theme)),
    stylesheets: PRINT_STYLESHEETS.map((name) => `<link rel="stylesheet" href="${templateUrl(name, book)}">`).join('\n'),
    pageStyle: pageStyleCss(config.print, directionOf(config.lang)),
    directionStyle: mirroredPageFurnitureCss(directionOf(config.lang)),
    body: toHtml(body),
  });
}

function coverSection(book: Book, imageUrl: (src: string) => string | undefined): Element {
  return h('section.cover-page', { id: 'zine-cover', ariaLabel: labelsFor(book.config.lang, book.config.labels).cover }, [coverContent(book, imageUrl)]);
}

function contentsSection(book: Book): Element {
  return h('nav.contents', { id: CONTENTS_ANCHOR, role: 'doc-toc' }, [
    h('h1.contents-title', labelsFor(book.config.lang, book.config.labels).contents),
    h(
      'ol',
      book.chapters.map((chapter) =>
        h('li', { lang: chapter.lang === book.config.lang ? undefined : chapter.lang }, [h('a', { href: `#${chapterAnchor(chapter)}` }, chapter.title)]),
      ),
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
