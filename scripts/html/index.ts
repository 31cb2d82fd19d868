// The standalone HTML edition: one page with contents, chapters, endnotes, and images resized for the screen.
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { readFile } from 'node:fs/promises';
import { resizeImage } from '../images/resize.ts';
import { shownSize } from '../images/shown-size.ts';
import { hasMath, MATH_FONT_FILE, MATH_FONT_PATH, mathFontFace } from '../math/font.ts';
import { hanLangOf, tagHanRuns } from '../languages/han-runs.ts';
import { directionOf, labelsFor, textRuns } from '../languages/index.ts';
import type { Book } from '../manuscript/book.ts';
import { chapterAnchor } from '../manuscript/names.ts';
import { themeTextFace } from '../theme/themes.ts';
import { fillTemplate, readStylesheets, readTemplate } from '../template/index.ts';
import { htmlFonts } from './fonts.ts';
import { endnotesSection, linkNoteCalls } from './notes.ts';

const SCREEN_MAX_SIDE = 1400;

export interface HtmlEdition {
  /** The page, to be written as `<slug>.html`. */
  html: string;
  /** Image and font files to write next to it, by path relative to the page. */
  files: Map<string, Uint8Array>;
}

/** Render the HTML edition of `book`. */
export async function renderHtmlEdition(book: Book): Promise<HtmlEdition> {
  const [template, pageCss, dialectCss] = await Promise.all([readTemplate('html/page.html', book), readStylesheets('html', 'html.css', book), readTemplate('dialects.css', book)]);
  const css = `${pageCss}\n${dialectCss}`;
  const imageDir = `${book.slug}-images`;
  const files = new Map<string, Uint8Array>();
  const targets = new Map<string, { name: string; width: number; height: number }>();
  await Promise.all(
    [...book.images.values()].map(async (image, index) => {
      const resized = await resizeImage(image.path, SCREEN_MAX_SIDE);
      const name = `${imageDir}/${String(index + 1).padStart(2, '0')}-${image.src.split('/').pop()!.replace(/\.[^.]*$/, '')}.${resized.extension}`;
      files.set(name, resized.bytes);
      targets.set(image.src, { name, width: resized.width, height: resized.height });
    }),
  );
  const noteCalls = new Map<number, number>();
  const chapters = book.chapters.map((chapter) => {
    const dir = directionOf(chapter.lang);
    const section = h(
      'section.chapter',
      { id: chapterAnchor(chapter), lang: chapter.lang === book.config.lang ? undefined : chapter.lang, dir: dir === directionOf(book.config.lang) ? undefined : dir },
      structuredClone(chapter.tree).children,
    ) as Element;
    for (const [number, count] of linkNoteCalls(section)) noteCalls.set(number, count);
    pointImagesAt(section, targets);
    return section;
  });
  const contents = h('nav.contents', { ariaLabelledby: 'contents-title', role: 'doc-toc' }, [
    h('h2', { id: 'contents-title' }, labelsFor(book.config.lang, book.config.labels).contents),
    h('ol', book.chapters.map((chapter) => h('li', { lang: chapter.lang === book.config.lang ? undefined : chapter.lang }, h('a', { href: `#${chapterAnchor(chapter)}` }, chapter.title)))),
  ]);
  const { config } = book;
  const colophon = [config.rights, config.publisher, `Published ${config.date}.`].filter(Boolean).map((line) => h('p', line!));
  const text = (value: string) => tagHanRuns(value, config.lang, hanLangOf(book));
  const bookTitle = h('h1.book-title', text(config.title));
  const subtitle = config.subtitle ? [h('p.subtitle', text(config.subtitle))] : [];
  const endnotes = endnotesSection(book, noteCalls);
  const shown: ElementContent[] = [bookTitle, ...subtitle, contents, ...chapters, ...endnotes, ...colophon];
  const fonts = await htmlFonts(textRuns(h('div', shown), config.lang), `${book.slug}-fonts`, themeTextFace(config.theme));
  for (const [name, bytes] of fonts.files) files.set(name, bytes);
  if (hasMath(shown)) {
    files.set(`${book.slug}-fonts/${MATH_FONT_FILE}`, new Uint8Array(await readFile(MATH_FONT_PATH)));
    fonts.css += `\n${mathFontFace(`${book.slug}-fonts/${MATH_FONT_FILE}`)}`;
  }
  const html = fillTemplate(template, {
    lang: config.lang,
    dir: directionOf(config.lang),
    title: config.title,
    description: config.description ?? config.subtitle ?? config.title,
    fontFaces: fonts.css,
    css,
    bookTitle: toHtml(bookTitle),
    subtitle: toHtml(subtitle),
    contents: toHtml(contents),
    chapters: toHtml(chapters),
    endnotes: toHtml(endnotes),
    colophon: toHtml(colophon),
  });
  return { html, files };
}

function pointImagesAt(tree: Element, targets: Map<string, { name: string; width: number; height: number }>) {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'img') return;
    const target = targets.get(String(node.properties.src));
    if (!target) return;
    node.properties.src = target.name;
    node.properties.loading = 'lazy';
    // A lazy image takes no room until it loads: an author-sized one gets its height too, so the page does not jump.
    if (node.properties.width !== undefined) Object.assign(node.properties, shownSize(node.properties.width, target));
  });
}
