// Soft hyphens by language, decided at build time: Chromium has no hyphenation dictionaries of its own offline.
import type { Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { hyphenatorFor, justifiesEvenly, languageOf, type Hyphenator } from '../languages/index.ts';

/** Text in these is not prose, or (headings) is also the PDF's tags and bookmarks: never hyphenate it. */
const SKIP_TAGS = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Insert U+00AD into every text node whose language (nearest `lang`, else `options.lang`) has hyphenation patterns;
 * mark `ragged` the paragraphs of a language that can be neither hyphenated nor broken between letters (print.css
 * sets them flush left, so justifying opens no wide gaps).
 */
export function rehypeHyphenate(options: { lang: string }) {
  return (tree: Root) => {
    visitParents(tree, 'element', (node, ancestors) => {
      if (node.tagName !== 'p' || justifiesEvenly(languageOf([...ancestors, node], options.lang))) return;
      node.properties.className = [...((node.properties.className as string[] | undefined) ?? []), 'ragged'];
    });
    visitParents(tree, 'text', (node, ancestors) => {
      if (ancestors.some((ancestor) => ancestor.type === 'element' && SKIP_TAGS.has(ancestor.tagName))) return;
      const hyphenator = hyphenatorFor(languageOf(ancestors, options.lang));
      if (hyphenator) node.value = hyphenateWords(node.value, hyphenator);
    });
  };
}

/**
 * A soft hyphen between the letters of a ligature (`ef-fect`, `of-fice`) ends up inside the ligature glyph's text in the
 * PDF (`f\u00adf`), which text extraction garbles: no break there.
 */
const IN_LIGATURE = /(?<=f)\u00ad(?=[fil])/g;

/** Hyphenate word by word; URLs and e-mail addresses are left whole (the hyphenator would also treat `<…>` as markup). */
function hyphenateWords(text: string, hyphenator: Hyphenator): string {
  return text.replace(/[^\s<>]+/g, (word) => (/[/@:]|\d/.test(word) ? word : hyphenator.hyphenateSync(word, { minWordLength: 6 }).replace(IN_LIGATURE, '')));
}
