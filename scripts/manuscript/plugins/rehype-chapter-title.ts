// The chapter's title when its front matter gives none: the first heading of the highest level (raw HTML headings too).
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportWarning } from '../report.ts';

const HEADING = /^h([1-6])$/;
/** Headings inside these are not the chapter's: a quoted or tabulated heading, a note's. */
const NOT_CHAPTER_LEVEL = new Set(['blockquote', 'aside', 'table', 'figure', 'li', 'details']);

/** rehype plugin: set `file.data.chapter.title` (and its place) from the headings; warn when there is none. */
export default function rehypeChapterTitle() {
  return (tree: Root, file: VFile) => {
    const meta = (file.data.chapter ??= {});
    if (meta.title) return;
    const headings: Element[] = [];
    visit(tree, 'element', (node) => {
      if (NOT_CHAPTER_LEVEL.has(node.tagName)) return SKIP;
      if (HEADING.test(node.tagName) && toString(node).trim() !== '') headings.push(node);
    });
    const level = (heading: Element) => Number(HEADING.exec(heading.tagName)![1]);
    const highest = Math.min(...headings.map(level));
    const title = headings.find((heading) => level(heading) === highest);
    if (title) [meta.title, meta.titlePlace] = [toString(title).replace(/\s+/g, ' ').trim(), title.position];
    else {
      // An empty chapter (no positioned node) is already an error.
      const first = tree.children.find((node) => node.position);
      if (first) reportWarning(file, 'Chapter has no heading: its file name is used as its title', first.position, 'missing-heading');
    }
  };
}
