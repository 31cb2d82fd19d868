// Footnotes as EPUB 3 pop-up notes: a noteref at each call, a footnote aside with a back link at the chapter's end.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Note } from '../manuscript/book.ts';
import { renderNoteCalls } from '../manuscript/note-calls.ts';

export interface EpubNotesOptions {
  /** The chapter's notes (`chapter.notes`), numbered across the book. */
  notes: readonly Note[];
  /** The back link's accessible name, `{n}` standing for the note's number (labels.backToNote). */
  backToNote?: string;
}

/**
 * rehype plugin: each `<a data-note-call="N">` becomes `<sup><a epub:type="noteref" href="#note-N">N</a></sup>` and
 * the chapter ends with one `<aside epub:type="footnote" id="note-N">` per note, so reading systems show pop-ups.
 * The notes' content is copied, never moved: the book model stays untouched.
 */
export function rehypeEpubNotes(options: EpubNotesOptions) {
  return (tree: Root) => {
    const numbers = new Set(options.notes.map((note) => note.number));
    const calls = renderNoteCalls(tree, (number, occurrence) => {
      if (!numbers.has(number)) throw new Error(`Note call ${number} has no note in this chapter`);
      return noteRef(number, occurrence);
    });
    const backToNote = options.backToNote ?? 'Back to note {n} in the text';
    if (options.notes.length > 0) tree.children.push(h('div', { className: ['footnotes'] }, options.notes.map((note) => footnote(note, calls.get(note.number) ?? 1, backToNote))));
  };
}

/** The id of a call: the first call of note N is `noteref-N` (the back link's target), later ones `noteref-N-2`… */
export function noteRefId(number: number, occurrence = 1): string {
  return occurrence === 1 ? `noteref-${number}` : `noteref-${number}-${occurrence}`;
}

function noteRef(number: number, occurrence: number): Element {
  const link = h('a', { 'epub:type': 'noteref', role: 'doc-noteref', href: `#note-${number}`, id: noteRefId(number, occurrence) }, String(number));
  return h('sup', { className: ['noteref'] }, [link]);
}

/** The note with a back link to each of its `calls`: `1` to the first, then `1.2`, `1.3` … to the others. */
function footnote(note: Note, calls: number, backToNote: string): Element {
  // Named for what it does: a screen reader would otherwise announce only "1".
  const ariaLabel = backToNote.replace('{n}', String(note.number));
  const backLink = (occurrence: number) =>
    h('a', { role: 'doc-backlink', href: `#${noteRefId(note.number, occurrence)}`, className: ['note-number'], ariaLabel: occurrence === 1 ? ariaLabel : `${ariaLabel} (${occurrence})` }, occurrence === 1 ? String(note.number) : `${note.number}.${occurrence}`);
  const links: ElementContent[] = [backLink(1)];
  for (let occurrence = 2; occurrence <= calls; occurrence++) links.push({ type: 'text', value: ' ' }, backLink(occurrence));
  const content = structuredClone(note.content);
  const first = content[0];
  if (first?.type === 'element' && first.tagName === 'p') first.children.unshift(...links, { type: 'text', value: '. ' });
  else content.unshift(h('p', links) as ElementContent);
  return h('aside', { 'epub:type': 'footnote', role: 'doc-footnote', id: `note-${note.number}`, className: ['footnote'] }, content);
}
