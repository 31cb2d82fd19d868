// A `$` inside a code span never delimits math: code spans bind tighter (CommonMark), but remark-math pairs a prose
// `$2` with the `$` of a later `` `i=$((…))` `` and swallows the text and code between (the-art-of-command-line, ko).
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Extension } from 'micromark-util-types';
import type { Processor } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';

const DOLLAR = 36;
/** Stands in for a code span's `$` while math is read: one UTF-16 unit (offsets hold), a noncharacter (never in a text). */
const STAND_IN = '\uFDD0';

/** The offsets of every `$` inside a code span, as read with math off. */
function codeDollars(document: string, extensions: Extension[], processor: Processor): number[] {
  const plain = fromMarkdown(document, {
    extensions: extensions.filter((extension) => !extension.text?.[DOLLAR]),
    mdastExtensions: (processor.data('fromMarkdownExtensions') ?? []) as never,
  });
  const offsets: number[] = [];
  visit(plain, 'inlineCode', (node) => {
    const { start, end } = node.position!;
    for (let offset = start.offset!; offset < end.offset!; offset++) if (document[offset] === '$') offsets.push(offset);
  });
  return offsets;
}

const hasInlineMath = (tree: Root) => {
  let found = false;
  visit(tree, 'inlineMath', () => void (found = true));
  return found;
};

/** remark plugin (use after remark-parse): reads math again with code spans' dollars masked when math was found. */
export default function remarkCodeDollars(this: Processor) {
  const parse = this.parser!;
  this.parser = (document, file) => {
    const tree = parse(document, file) as Root;
    if (!hasInlineMath(tree) || !document.includes('`') || document.includes(STAND_IN)) return tree;
    const offsets = codeDollars(document, (this.data('micromarkExtensions') ?? []) as Extension[], this);
    if (offsets.length === 0) return tree;
    const masked = document.split('');
    for (const offset of offsets) masked[offset] = STAND_IN;
    const reread = parse(masked.join(''), file) as Root;
    visit(reread, (node: Node & { value?: unknown }) => {
      if (typeof node.value === 'string') node.value = node.value.replaceAll(STAND_IN, '$');
    });
    return reread;
  };
}
