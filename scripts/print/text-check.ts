// The lost-text guard: the laid-out pages must show all of the document's text, in order, inside the pages.
import path from 'node:path';
import type { Book } from '../manuscript/book.ts';
import { chapterAnchor, CONTENTS_ANCHOR } from './document.ts';

/** The document's text before layout, normalised, with where each section starts in it (kept in the page). */
export interface SourceText {
  body: string;
  notes: string;
  /** Raw text around each normalised body character, for excerpts: `raw[rawAt[i]]` is body character i. */
  raw: string;
  rawAt: number[];
  /** Section (or nav) ids and the normalised body index each starts at, in document order. */
  sections: { id: string; at: number }[];
}

/** What went wrong: text missing, beyond the page, or changed (repeated); its section, an excerpt from there, how much. */
export interface LostText {
  kind: 'missing' | 'off-page' | 'changed';
  section: string;
  excerpt: string;
  /** Normalised characters the pages lack, or that lie beyond the page (0 when changed). */
  characters: number;
  /** 1-based page the text runs off (for `off-page`). */
  page?: number;
}

/**
 * In the page, before layout: the body's rendered text as Paged.js will receive it. Body text and footnotes (which Paged.js
 * moves to the page foot) are kept apart; whitespace, soft hyphens and non-breaking hyphens (Paged.js adds one at a
 * word broken across pages) are left out, so line breaking cannot make a difference.
 */
export function readSourceText(): SourceText {
  const ignorable = /[\s\u00ad\u2011]/;
  const text: SourceText = { body: '', notes: '', raw: '', rawAt: [], sections: [] };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    const value = node.nodeValue ?? '';
    // Never-rendered text (scripts, display: none) is not the book's: Paged.js leaves it out too.
    if (!parent.checkVisibility()) continue;
    if (parent.closest('.footnote')) {
      text.notes += value.replace(/[\s\u00ad\u2011]+/g, '');
      continue;
    }
    const section = parent.closest('section[id], nav[id]')?.id ?? '';
    if (text.sections.at(-1)?.id !== section) text.sections.push({ id: section, at: text.body.length });
    for (let index = 0; index < value.length; index++) {
      if (ignorable.test(value[index]!)) continue;
      text.body += value[index];
      text.rawAt.push(text.raw.length + index);
    }
    text.raw += `${value} `;
  }
  return text;
}

/**
 * In the page, after layout: compare the pages' text (content and footnote areas, not the margin boxes) with the
 * source, and check that no text lies outside its page (Paged.js leaves overflow in the page's hidden columns).
 * Returns the first loss, or null.
 */
export function findLostText(source: SourceText): LostText | null {
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')];
  const range = document.createRange();
  let body = '';
  let notes = '';
  for (const [index, page] of pages.entries()) {
    const box = page.querySelector('.pagedjs_pagebox')!.getBoundingClientRect();
    const walker = document.createTreeWalker(page.querySelector('.pagedjs_area')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = (node.nodeValue ?? '').replace(/[\s\u00ad\u2011]+/g, '');
      if (value === '' || !node.parentElement!.checkVisibility()) continue;
      if (node.parentElement!.closest('.pagedjs_footnote_area')) notes += value;
      else body += value;
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (rect.right > box.right + 1 || rect.bottom > box.bottom + 1 || rect.left < box.left - 1 || rect.top < box.top - 1) {
        // Text flows in order: find where it leaves the page (binary search), from the start of that word.
        const raw = node.nodeValue ?? '';
        let inside = 0;
        let outside = raw.length;
        while (outside - inside > 1) {
          const middle = (inside + outside) >> 1;
          range.setStart(node, middle);
          range.setEnd(node, middle + 1);
          const last = [...range.getClientRects()].at(-1);
          if (last && (last.right > box.right + 1 || last.bottom > box.bottom + 1)) outside = middle;
          else inside = middle;
        }
        while (outside > 0 && !/\s/.test(raw[outside - 1]!)) outside--;
        const section = node.parentElement!.closest('section[data-id], nav[data-id]')?.getAttribute('data-id') ?? '';
        const excerpt = raw.slice(outside, outside + 60).replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
        return { kind: 'off-page', section, excerpt, characters: raw.slice(outside).replace(/[\s\u00ad\u2011]+/g, '').length, page: index + 1 };
      }
    }
  }
  if (body === source.body && notes === source.notes) return null;
  if (body === source.body) {
    let at = 0;
    while (source.notes[at] === notes[at]) at++;
    const characters = source.notes.length - notes.length;
    return { kind: characters > 0 ? 'missing' : 'changed', section: 'notes', excerpt: source.notes.slice(at, at + 40), characters: Math.max(0, characters) };
  }
  let at = 0;
  while (at < source.body.length && source.body[at] === body[at]) at++;
  const section = source.sections.filter((entry) => entry.at <= at).at(-1)?.id ?? '';
  // From the start of the word the difference falls in, so the excerpt reads.
  let rawStart = source.rawAt[Math.min(at, source.rawAt.length - 1)] ?? 0;
  while (rawStart > 0 && !/\s/.test(source.raw[rawStart - 1]!)) rawStart--;
  const excerpt = source.raw.slice(rawStart, rawStart + 60).replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
  const characters = source.body.length - body.length;
  return { kind: characters > 0 ? 'missing' : 'changed', section, excerpt, characters: Math.max(0, characters) };
}

/** The error a render throws when the pages lack text: where (chapter and file), what, and that no PDF was written. */
export function lostTextMessage(lost: LostText, book: Book): string {
  const chapter = book.chapters.find((candidate) => chapterAnchor(candidate) === lost.section);
  const where = chapter
    ? `chapter "${chapter.title}" (${path.relative(book.root, chapter.file.path)})`
    : lost.section === 'notes' ? 'the footnotes' : lost.section === CONTENTS_ANCHOR ? 'the contents' : 'the cover';
  const what = {
    'off-page': `${lost.characters} characters of ${where} run off page ${lost.page}, from "${lost.excerpt}…"`,
    missing: `${lost.characters} characters of ${where} are missing from the pages, from "${lost.excerpt}…"`,
    changed: `the pages do not show ${where} as written (text repeated or out of order), from "${lost.excerpt}…"`,
  }[lost.kind];
  return `Page layout lost text (a Paged.js limitation): ${what}. The PDF was not written.`;
}
