// Each output renders note calls its own way: a pop-up link, a page-foot note, an endnote link.
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Replace every `<a data-note-call="N">` in `tree` with what `render(N, occurrence)` returns (occurrence counts from 1).
 * Returns how many times each note is called.
 */
export function renderNoteCalls(tree: Root | Element, render: (number: number, occurrence: number) => ElementContent): ReadonlyMap<number, number> {
  const seen = new Map<number, number>();
  visit(tree, 'element', (node, index, parent) => {
    const call = node.properties.dataNoteCall;
    if (node.tagName !== 'a' || call === undefined || !parent || index === undefined) return;
    const number = Number(call);
    const occurrence = (seen.get(number) ?? 0) + 1;
    seen.set(number, occurrence);
    parent.children[index] = render(number, occurrence);
  });
  return seen;
}
