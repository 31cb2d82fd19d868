// Lift note definitions out of a chapter tree into file.data.notes, in the order the text first calls them.
import type { ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** Note contents by identifier, in order of first call. */
    notes: globalThis.Map<string, ElementContent[]>;
  }
}

/** rehype plugin: move `aside[data-note-definition]` into `file.data.notes`; drop calls to undefined notes. */
export default function rehypeCollectNotes() {
  return (tree: Root, file: VFile) => {
    const definitions = new Map<string, ElementContent[]>();
    visit(tree, 'element', (node, index, parent) => {
      const identifier = node.properties.dataNoteDefinition;
      if (node.tagName !== 'aside' || typeof identifier !== 'string' || !parent || index === undefined) return;
      if (!definitions.has(identifier)) definitions.set(identifier, trimWhitespace(node.children));
      // Take the line break before the note with it, so no blank text is left where notes stood.
      const before = parent.children[index - 1];
      const start = before?.type === 'text' && before.value.trim() === '' ? index - 1 : index;
      parent.children.splice(start, index - start + 1);
      return [SKIP, start];
    });
    const notes = new Map<string, ElementContent[]>();
    visit(tree, 'element', (node, index, parent) => {
      const identifier = node.properties.dataNoteCall;
      if (node.tagName !== 'a' || typeof identifier !== 'string' || !parent || index === undefined) return;
      const content = definitions.get(identifier);
      if (content) {
        notes.set(identifier, content);
        return;
      }
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    file.data.notes = notes;
  };
}

function trimWhitespace(children: ElementContent[]): ElementContent[] {
  return children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
}
