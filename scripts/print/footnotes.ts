// Note calls become Paged.js footnotes: the note's content in place of its first call, floated to the foot of that page.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { renderNoteCalls } from '../manuscript/note-calls.ts';
import type { Note } from '../manuscript/book.ts';

/**
 * Replace the first call of each note with `<span class="footnote" data-note-number="N">content</span>` (print.css
 * floats it to the page foot, out of its chapter: hence the note keeps the chapter's `lang`); a repeated call becomes
 * a plain superscript number.
 */
export function rehypePrintFootnotes(options: { notes: readonly Note[]; lang: string }) {
  const notes = new Map(options.notes.map((note) => [note.number, note]));
  return (tree: Root) => {
    renderNoteCalls(tree, (number, occurrence) => {
      const note = notes.get(number);
      if (!note || occurrence > 1) return h('sup.note-ref', String(number));
      return h('span.footnote', { dataNoteNumber: String(number), lang: options.lang }, inlineNoteContent(note.content));
    });
  };
}

/** Block elements (paragraphs, lists) cannot sit inside a paragraph's span: the HTML parser would close the paragraph. */
const BLOCK_TAGS = new Set(['p', 'div', 'blockquote', 'ul', 'ol', 'li', 'pre', 'figure', 'figcaption', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'aside', 'section']);

function inlineNoteContent(content: readonly ElementContent[]): ElementContent[] {
  const copy = structuredClone(content) as ElementContent[];
  const wrapper: Element = h('span', copy);
  visit(wrapper, 'element', (node) => {
    if (!BLOCK_TAGS.has(node.tagName)) return;
    const className = [`footnote-${node.tagName}`, ...toClassList(node.properties.className)];
    node.tagName = 'span';
    node.properties = { ...node.properties, className };
  });
  return wrapper.children;
}

function toClassList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
