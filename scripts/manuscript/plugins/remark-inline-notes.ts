// Pandoc inline notes `^[text]`: a footnote written where it is called, numbered with the others.
import type { FootnoteDefinition, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/** remark plugin: each `^[…]` (brackets balanced, inline markup allowed) becomes a note call and a definition at the end. */
export default function remarkInlineNotes() {
  return (tree: Root) => {
    const definitions: FootnoteDefinition[] = [];
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const children = node.children as PhrasingContent[];
      for (let index = 0; index < children.length; index++) {
        const child = children[index]!;
        const start = child.type === 'text' ? child.value.indexOf('^[') : -1;
        if (start === -1) continue;
        const note = takeNote(children, index, start);
        if (!note) continue;
        const identifier = `inline-note-${definitions.length + 1}`;
        definitions.push({ type: 'footnoteDefinition', identifier, label: identifier, children: [{ type: 'paragraph', children: note.content }], position: note.position });
        children.splice(index, note.end - index + 1, ...note.replacement(identifier));
      }
    });
    tree.children.push(...definitions);
  };
}

interface TakenNote {
  content: PhrasingContent[];
  /** Index of the last sibling the note reaches into. */
  end: number;
  replacement: (identifier: string) => PhrasingContent[];
  position: Text['position'];
}

/** From `^[` at `start` in `children[index]`, find the balancing `]` in this or a later text sibling. */
function takeNote(children: PhrasingContent[], index: number, start: number): TakenNote | undefined {
  const opening = children[index] as Text;
  let depth = 0;
  for (let at = index; at < children.length; at++) {
    const child = children[at]!;
    if (child.type !== 'text') continue;
    const from = at === index ? start + 2 : 0;
    for (let offset = from; offset < child.value.length; offset++) {
      const char = child.value[offset];
      if (char === '[') depth++;
      else if (char === ']' && depth-- === 0) {
        const before = opening.value.slice(0, start);
        const after = child.value.slice(offset + 1);
        const inner =
          at === index
            ? [{ type: 'text', value: opening.value.slice(start + 2, offset) } as Text]
            : [{ type: 'text', value: opening.value.slice(start + 2) } as Text, ...children.slice(index + 1, at), { type: 'text', value: child.value.slice(0, offset) } as Text];
        return {
          content: inner.filter((node) => node.type !== 'text' || node.value !== ''),
          end: at,
          position: opening.position,
          replacement: (identifier) => [
            ...(before ? [{ type: 'text', value: before } as Text] : []),
            { type: 'footnoteReference', identifier, label: identifier, position: opening.position },
            ...(after ? [{ type: 'text', value: after } as Text] : []),
          ],
        };
      }
    }
  }
  return undefined;
}
