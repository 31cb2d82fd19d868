// Heading ids as GitHub makes them (`## Scope` → `scope`, `scope-1` on repeat), so the usual `[see](#scope)` works.
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import GithubSlugger, { slug } from 'github-slugger';
import { visit } from 'unist-util-visit';
import { RESERVED_ID } from '../names.ts';

const HEADING = /^h[1-6]$/;

/**
 * rehype plugin: give every heading GitHub's slug of its text as `id`. Ids unique within the chapter only: the book
 * (`book-ids.ts`) prefixes those another chapter uses too. A slug that is empty or could clash with zine's own ids
 * (`zine-…`, `note-3`) becomes `section`, numbered like any repeat.
 */
export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName)) return;
      const plain = slug(toString(node));
      node.properties.id = slugger.slug(plain === '' || RESERVED_ID.test(plain) ? 'section' : plain);
    });
  };
}
