// The HTML edition's notes: calls become numbered links, the notes an endnote list with links back.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { labelsFor } from '../languages/index.ts';
import type { Book } from '../manuscript/book.ts';
import { renderNoteCalls } from '../manuscript/note-calls.ts';

/** Render note calls in `chapter` as `<sup><a href="#note-N">N</a></sup>` (mutates); returns how often each note is called. */
export function linkNoteCalls(chapter: Element): ReadonlyMap<number, number> {
  return renderNoteCalls(chapter, (number, occurrence) =>
    h('sup', h('a.noteref', { href: `#note-${number}`, id: occurrence === 1 ? `noteref-${number}` : `noteref-${number}-${occurrence}`, role: 'doc-noteref' }, String(number))),
  );
}

/** The endnotes section of the whole book, or nothing when it has no notes; a note called twice links back to both calls. */
export function endnotesSection(book: Book, calls: ReadonlyMap<number, number> = new Map()): ElementContent[] {
  const notes = book.chapters.flatMap((chapter) => chapter.notes.map((note) => ({ note, lang: chapter.lang })));
  if (notes.length === 0) return [];
  const labels = labelsFor(book.config.lang, book.config.labels);
  return [
    h('section.endnotes', { role: 'doc-endnotes', ariaLabelledby: 'notes-title' }, [
      h('h2', { id: 'notes-title' }, labels.notes),
      h(
        'ol',
        notes.map(({ note, lang }) =>
          h('li', { id: `note-${note.number}`, lang: lang === book.config.lang ? undefined : lang, value: note.number }, [
            ...structuredClone(note.content),
            h('p', backLinks(note.number, calls.get(note.number) ?? 1, labels.backToNote.replace('{n}', String(note.number)))),
          ]),
        ),
      ),
    ]),
  ];
}

/** `↩` back to the first call, then `↩2`, `↩3` … to the others. */
function backLinks(number: number, count: number, name: string): ElementContent[] {
  return Array.from({ length: count }, (_, index) => index + 1).flatMap((occurrence): ElementContent[] => [
    ...(occurrence > 1 ? [{ type: 'text' as const, value: ' ' }] : []),
    h('a', { href: `#${occurrence === 1 ? `noteref-${number}` : `noteref-${number}-${occurrence}`}`, role: 'doc-backlink', ariaLabel: occurrence === 1 ? name : `${name} (${occurrence})` }, occurrence === 1 ? '↩' : `↩${occurrence}`),
  ]);
}
