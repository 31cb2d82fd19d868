// The text of a hast tree in runs of one language, each marked as code or prose: what font choice needs to know.
import type { Element, Root, RootContent } from 'hast';

export interface TextRun {
  text: string;
  /** BCP 47, inherited from the nearest `lang`. */
  lang: string;
  /** Inside `code`, `kbd`, `samp` or `pre`. */
  code: boolean;
}

const CODE_ELEMENTS = new Set(['code', 'kbd', 'samp', 'pre']);

/** Every text node of `tree` with its language (`lang` for the root) and whether it is code. */
export function textRuns(tree: Root | Element | RootContent, lang: string): TextRun[] {
  const runs: TextRun[] = [];
  const walk = (node: Root | RootContent, inherited: string, code: boolean) => {
    if (node.type === 'text') runs.push({ text: node.value, lang: inherited, code });
    if (node.type !== 'element' && node.type !== 'root') return;
    const own = node.type === 'element' ? node.properties.lang : undefined;
    const here = typeof own === 'string' && own !== '' ? own : inherited;
    const inCode = code || (node.type === 'element' && CODE_ELEMENTS.has(node.tagName));
    for (const child of node.children) walk(child, here, inCode);
  };
  walk(tree, lang, false);
  return runs;
}
