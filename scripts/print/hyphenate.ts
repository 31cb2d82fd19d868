// Soft hyphens in English text, decided at build time: Chromium has no hyphenation dictionaries of its own offline.
import type { Element, Root } from 'hast';
import hyphen from 'hyphen/en-us';
import { visitParents } from 'unist-util-visit-parents';

/** Text in these is not prose, or (headings) is also the PDF's tags and bookmarks: never hyphenate it. */
const SKIP_TAGS = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Insert U+00AD into every text node whose language (nearest `lang`, else `options.lang`) is English. */
export function rehypeHyphenate(options: { lang: string }) {
  return (tree: Root) => {
    visitParents(tree, 'text', (node, ancestors) => {
      const elements = ancestors.filter((ancestor): ancestor is Element => ancestor.type === 'element');
      if (elements.some((element) => SKIP_TAGS.has(element.tagName))) return;
      const lang = [...elements].reverse().find((element) => typeof element.properties.lang === 'string')?.properties.lang;
      if (!isEnglish(typeof lang === 'string' ? lang : options.lang)) return;
      node.value = hyphenateWords(node.value);
    });
  };
}

function isEnglish(lang: string): boolean {
  return /^en(-|$)/i.test(lang);
}

/**
 * A soft hyphen between the letters of a ligature (`ef-fect`, `of-fice`) ends up inside the ligature glyph's text in the
 * PDF (`f\u00adf`), which text extraction garbles: no break there.
 */
const IN_LIGATURE = /(?<=f)\u00ad(?=[fil])/g;

/** Hyphenate word by word; URLs and e-mail addresses are left whole (the hyphenator would also treat `<…>` as markup). */
function hyphenateWords(text: string): string {
  return text.replace(/[^\s<>]+/g, (word) => (/[/@:]|\d/.test(word) ? word : hyphen.hyphenateSync(word, { minWordLength: 6 }).replace(IN_LIGATURE, '')));
}
