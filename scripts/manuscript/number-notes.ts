// Number notes continuously across the book, in reading order of their first call.
import type { ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Note } from './book.ts';

/**
 * Replace each call's identifier (`data-note-call="label"`) with its book-wide number and return the chapter's
 * notes. `next` is the first number free; calls to the same note share its number.
 */
export function numberChapterNotes(tree: Root, contents: Map<string, ElementContent[]>, next: number): Note[] {
  const numbers = new Map<string, number>();
  const notes: Note[] = [];
  visit(tree, 'element', (node) => {
    const identifier = node.properties.dataNoteCall;
    if (node.tagName !== 'a' || typeof identifier !== 'string') return;
    let number = numbers.get(identifier);
    if (number === undefined) {
      number = next + notes.length;
      numbers.set(identifier, number);
      notes.push({ number, content: contents.get(identifier) ?? [] });
    }
    node.properties.dataNoteCall = String(number);
  });
  return notes;
}
