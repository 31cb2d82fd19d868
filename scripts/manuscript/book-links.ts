// Links inside the book resolved once for every output: `#scope`, `ch2.md#scope` and `README-ja.md` become `#<book id>`.
import path from 'node:path';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import type { ChapterIdMap, IdChapter } from './book-ids.ts';
import { chapterAnchor } from './names.ts';
import { reportWarning } from './report.ts';

/** A link with a scheme (`https:`, `mailto:`) or to another host (`//host/…`) leaves the book: it stays as written. */
const LEAVES_BOOK = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Rewrite every in-book link of every chapter to a fragment of the one book (`#id`), which each output maps to its
 * own files. A fragment is looked up in the linking chapter first (GitHub's slug, or a raw HTML id), then in the only
 * other chapter that has it; a path must name a chapter file (relative to the linking one). A link that resolves to
 * nothing keeps its text, loses its `href`, and is reported at its place.
 */
export function resolveBookLinks(chapters: readonly IdChapter[], idMaps: readonly ChapterIdMap[]) {
  const byPath = new Map(chapters.map((chapter, index) => [path.resolve(chapter.file.path), index]));
  const bookIds = new Set(idMaps.flatMap((map) => [...map.values()]));
  chapters.forEach((chapter, index) => {
    visit(chapter.tree, 'element', (node) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string' || LEAVES_BOOK.test(node.properties.href)) return;
      const href = node.properties.href;
      const hash = href.indexOf('#');
      const filePart = (hash < 0 ? href : href.slice(0, hash)).replace(/\?.*$/, '');
      const fragment = hash < 0 ? '' : decode(href.slice(hash + 1));
      if (filePart === '' && fragment === '') return unlink(node, chapter, 'Link has no target: its text is kept without the link', 'empty-link');
      const target = filePart === '' ? index : byPath.get(path.resolve(path.dirname(chapter.file.path), decode(filePart)));
      if (target === undefined) return unlink(node, chapter, `Link \`${href}\` points to a file that is not a chapter of the book: its text is kept without the link`, 'link-outside-book');
      const id = fragment === '' ? chapterAnchor(chapters[target]!) : findId(fragment, target, filePart === '', idMaps, bookIds);
      if (id === undefined) return unlink(node, chapter, `Link \`${href}\` points to no heading or id in ${filePart === '' ? 'the book' : `\`${filePart}\``}: its text is kept without the link`, 'dead-link');
      node.properties.href = `#${id}`;
    });
  });
}

/** The book id `fragment` names, seen from chapter `target`; `anyChapter` allows a unique match in another chapter. */
function findId(fragment: string, target: number, anyChapter: boolean, idMaps: readonly ChapterIdMap[], bookIds: ReadonlySet<string>): string | undefined {
  const written = [fragment, `user-content-${fragment}`, fragment.toLowerCase()];
  for (const id of written) {
    const own = idMaps[target]!.get(id);
    if (own) return own;
  }
  if (!anyChapter) return undefined;
  const elsewhere = idMaps.flatMap((map) => written.map((id) => map.get(id)).find(Boolean) ?? []);
  if (elsewhere.length === 1) return elsewhere[0];
  return bookIds.has(fragment) ? fragment : undefined;
}

function unlink(node: Element, chapter: IdChapter, reason: string, rule: string) {
  delete node.properties.href;
  reportWarning(chapter.file, reason, node.position, rule);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
