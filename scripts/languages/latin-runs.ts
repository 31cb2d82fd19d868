// Latin words inside Chinese, Japanese or Korean text: tagged `und-Latn`, so every output sets them in the Latin face.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { languageOf } from './nearest-lang.ts';

/** Languages whose face also holds Latin letters, drawn in its own (wider, CJK-styled) forms. */
const CJK = /^(zh|ja|ko)\b/i;
/** Text that is not prose, or is already tagged by the writer. */
const SKIP_TAGS = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math']);
/** A run of Latin words: letters (and their marks, digits) joined by spaces, hyphens, apostrophes, dots, `&` or `/`. */
const LATIN_RUN = /\p{Script=Latin}[\p{Script=Latin}\p{M}\p{N}]*(?:[ \-'’.&/]+[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{M}\p{N}]*)*/gu;

/**
 * Wrap each run of Latin words in text whose language (the nearest `lang`, else `lang`) is Chinese, Japanese or
 * Korean in `<span lang="und-Latn">` (undetermined language, Latin script): the font stacks then set it in the Latin
 * face rather than in the CJK face's Latin glyphs. Punctuation and digits around the words stay with the CJK text.
 */
export function tagLatinRuns(tree: Root | Element, lang: string) {
  visitParents(tree, 'text', (node, ancestors) => {
    if (ancestors.some((ancestor) => ancestor.type === 'element' && SKIP_TAGS.has(ancestor.tagName))) return;
    if (!CJK.test(languageOf(ancestors, lang))) return;
    const pieces = splitLatin(node.value);
    if (pieces.length === 1 && pieces[0]!.type === 'text') return;
    const parent = ancestors.at(-1) as Root | Element;
    const index = parent.children.indexOf(node);
    parent.children.splice(index, 1, ...(pieces as never[]));
    return [SKIP, index + pieces.length];
  });
}

function splitLatin(text: string): ElementContent[] {
  const pieces: ElementContent[] = [];
  let at = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    if (match.index > at) pieces.push({ type: 'text', value: text.slice(at, match.index) });
    pieces.push(h('span', { lang: 'und-Latn' }, match[0]));
    at = match.index + match[0].length;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ type: 'text', value: text.slice(at) });
  return pieces;
}
