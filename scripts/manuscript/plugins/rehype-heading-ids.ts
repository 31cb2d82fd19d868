// Heading ids unique across the book and valid everywhere (XHTML too): the chapter id, then an ASCII slug.
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { asciiSlug } from '../names.ts';

const HEADING = /^h[1-6]$/;

/** rehype plugin: give every heading `id="<chapterId>-<slug>"`, numbered when the slug repeats or is not ASCII. */
export default function rehypeHeadingIds(options: { chapterId: string }) {
  return (tree: Root) => {
    const used = new Set<string>();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName)) return;
      const base = `${options.chapterId}-${asciiSlug(toString(node), 'section')}`;
      let id = base;
      for (let count = 2; used.has(id); count++) id = `${base}-${count}`;
      used.add(id);
      node.properties.id = id;
    });
  };
}
