// mdast-to-hast handlers that keep footnotes neutral: calls and definitions stay in place for each output to render.
import type { Element } from 'hast';
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import type { Handlers, State } from 'mdast-util-to-hast';

/** A note call: `<a data-note-call="identifier">`, numbered and rendered later. */
function footnoteReference(_state: State, node: FootnoteReference): Element {
  return { type: 'element', tagName: 'a', properties: { dataNoteCall: node.identifier }, children: [], position: node.position };
}

/** A note's text: `<aside data-note-definition="identifier">`, lifted out of the tree by rehype-collect-notes. */
function footnoteDefinition(state: State, node: FootnoteDefinition): Element {
  return { type: 'element', tagName: 'aside', properties: { dataNoteDefinition: node.identifier }, children: state.all(node), position: node.position };
}

export const noteHandlers: Partial<Handlers> = { footnoteReference, footnoteDefinition };
