// Ids unique across the book: a slug another chapter uses too gets its chapter's id in front; an id used twice loses the second.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportWarning } from './report.ts';

/** What the id pass needs of a chapter. */
export interface IdChapter {
  id: string;
  file: VFile;
  tree: Root;
}

/** For each chapter: the id its author wrote (or GitHub's slug) → the id it has in the book. */
export type ChapterIdMap = Map<string, string>;

/**
 * Make every id in the book unique, in place. An id used twice in one chapter (raw HTML) is removed from the second
 * element, with a `duplicate-id` warning at it; an id found in several chapters (two chapters with a "Notes" heading)
 * becomes `<chapter id>-<id>` in each, so no chapter's link changes meaning.
 */
export function uniqueBookIds(chapters: readonly IdChapter[]): ChapterIdMap[] {
  const elements = chapters.map((chapter) => idElements(chapter));
  const chaptersWith = new Map<string, number>();
  for (const byId of elements) for (const id of byId.keys()) chaptersWith.set(id, (chaptersWith.get(id) ?? 0) + 1);
  const taken = new Set(chaptersWith.keys());
  return chapters.map((chapter, index) => {
    const map: ChapterIdMap = new Map();
    for (const [id, element] of elements[index]!) {
      let unique = id;
      if (chaptersWith.get(id)! > 1) {
        unique = `${chapter.id}-${id}`;
        for (let count = 2; taken.has(unique); count++) unique = `${chapter.id}-${id}-${count}`;
        taken.add(unique);
        element.properties.id = unique;
      }
      map.set(id, unique);
    }
    return map;
  });
}

/** The element of each id in the chapter; a later element with an id already seen loses it (reported). */
function idElements(chapter: IdChapter): Map<string, Element> {
  const byId = new Map<string, Element>();
  visit(chapter.tree, 'element', (node) => {
    // Old HTML's `<a name="x">` anchor is an id in every output (XHTML has no `name` on links).
    if (node.tagName === 'a' && typeof node.properties.name === 'string') {
      node.properties.id ??= node.properties.name;
      delete node.properties.name;
    }
    const id = node.properties.id;
    if (typeof id !== 'string' || id === '') return;
    if (!byId.has(id)) byId.set(id, node);
    else {
      delete node.properties.id;
      reportWarning(chapter.file, `The id \`${id.replace(/^user-content-/, '')}\` is used twice in this chapter: the second one is dropped, links go to the first`, node.position, 'duplicate-id');
    }
  });
  return byId;
}
