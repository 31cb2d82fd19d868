// Mammoth's footnotes and endnotes (a `<sup><a href="#footnote-N">` call, an `<li id="footnote-N">` at the end) as Markdown notes.
import type { Element, ElementContent, Root } from 'hast';
import type { Handle } from 'hast-util-to-mdast';
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

const NOTE_ID = /^(foot|end)note-(\d+)$/;

/**
 * rehype plugin: move every note out of mammoth's closing list into a `<div data-note="N">` at the end, without its
 * back link, numbering notes in the order they are cited (footnotes and endnotes alike), and mark each call `data-note`.
 */
export function rehypeDocxNotes() {
  return (tree: Root) => {
    const numbers = new Map<string, number>();
    visit(tree, 'element', (node) => {
      const call = noteCall(node);
      if (call && !numbers.has(call.id)) numbers.set(call.id, numbers.size + 1);
      if (call) node.properties.dataNote = String(numbers.get(call.id));
    });
    const notes: Element[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'li' || !NOTE_ID.test(String(node.properties.id ?? ''))) return;
      const number = numbers.get(String(node.properties.id));
      if (number !== undefined) notes.push({ type: 'element', tagName: 'div', properties: { dataNote: String(number) }, children: withoutBackLinks(node.children) });
      if (parent && index !== undefined) parent.children.splice(index, 1);
      return [SKIP, index];
    });
    // The list that held the notes is empty now.
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'ol' && node.children.every((child) => child.type === 'text' && child.value.trim() === '') && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    });
    notes.sort((a, b) => Number(a.properties.dataNote) - Number(b.properties.dataNote));
    tree.children.push(...notes);
  };
}

/** rehype-remark handlers: a marked call becomes `[^N]`, a marked note `[^N]: …`. */
export const noteHandlers: Record<string, Handle> = {
  sup(state, node) {
    if (node.properties.dataNote === undefined) return state.all(node);
    const reference: FootnoteReference = { type: 'footnoteReference', identifier: String(node.properties.dataNote), label: String(node.properties.dataNote) };
    state.patch(node, reference);
    return reference;
  },
  div(state, node) {
    if (node.properties.dataNote === undefined) return state.toFlow(state.all(node));
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: String(node.properties.dataNote),
      label: String(node.properties.dataNote),
      children: state.toFlow(state.all(node)) as FootnoteDefinition['children'],
    };
    state.patch(node, definition);
    return definition;
  },
};

function noteCall(node: Element): { id: string } | undefined {
  if (node.tagName !== 'sup') return undefined;
  const [link] = node.children.filter((child) => child.type === 'element');
  const href = link?.type === 'element' && link.tagName === 'a' ? String(link.properties.href ?? '') : '';
  return NOTE_ID.test(href.slice(1)) && href.startsWith('#') ? { id: href.slice(1) } : undefined;
}

/** The note's paragraphs without mammoth's `↑` link back to the call, and without Word's leading tab. */
function withoutBackLinks(children: ElementContent[]): ElementContent[] {
  const root: Root = { type: 'root', children: structuredClone(children) };
  visit(root, 'element', (node, index, parent) => {
    if (node.tagName === 'a' && /^#(foot|end)note-ref-/.test(String(node.properties.href ?? '')) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
  });
  let first = true;
  visit(root, 'text', (node) => {
    if (first) node.value = node.value.replace(/^\s+/, '');
    first = false;
  });
  return root.children as ElementContent[];
}
