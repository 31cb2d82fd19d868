// What a Word document holds that the Markdown manuscript cannot keep, found on mammoth's HTML before it is converted.
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

export interface Unkept {
  reason: string;
  ruleId: string;
  /** Text of the passage, to find its place in the written chapter. */
  text: string;
}

const SIMPLE: Record<string, Omit<Unkept, 'text'>> = {
  u: { reason: 'Underline is not kept (Markdown has none): the text is emphasised instead', ruleId: 'import-underline' },
  sub: { reason: 'Subscript is not kept: the text is on the line', ruleId: 'import-subscript' },
};

/** rehype plugin: list in `unkept`, in document order, what will be lost; images no output shows are removed. */
export function rehypeFindUnkept(unkept: Unkept[]) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      const simple = SIMPLE[node.tagName];
      if (simple) unkept.push({ ...simple, text: toString(node) });
      else if (node.tagName === 'sup' && node.properties.dataNote === undefined) {
        unkept.push({ reason: 'Superscript is not kept: the text is on the line', ruleId: 'import-superscript', text: toString(node) });
      } else if ((node.tagName === 'td' || node.tagName === 'th') && (span(node, 'colSpan') || span(node, 'rowSpan'))) {
        unkept.push({ reason: 'Merged table cells are not kept: the cell is written once, the table has fewer cells in that row', ruleId: 'import-merged-cells', text: toString(node) });
      } else if (node.tagName === 'img') {
        const alt = String(node.properties.alt ?? '').trim();
        if (String(node.properties.src ?? '') === '') {
          unkept.push({ reason: `An image in a format no output can show (a Word drawing, EMF or WMF) is left out${alt ? `: ${alt}` : ''}`, ruleId: 'import-image-dropped', text: '' });
          if (parent && index !== undefined) parent.children.splice(index, 1);
          return [SKIP, index];
        }
        if (alt === '') unkept.push({ reason: `Image \`${String(node.properties.src)}\` has no alt text in the document: write its caption between the brackets`, ruleId: 'import-missing-alt', text: String(node.properties.src) });
      }
    });
  };
}

function span(node: Element, name: 'colSpan' | 'rowSpan'): boolean {
  return Number(node.properties[name] ?? 1) > 1;
}
