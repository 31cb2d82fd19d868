// Ids that links can count on: a written `{#id}` as written (valid in XHTML too), else a heading's id as GitHub makes
// it (`## Scope` → `scope`, `scope-1` on repeat), so the usual `[see](#scope)` works.
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import GithubSlugger, { slug } from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RESERVED_ID } from '../names.ts';
import { reportWarning } from '../report.ts';

const HEADING = /^h[1-6]$/;
const XML_NAME = /^[A-Za-z_][\w.-]*$/;

/**
 * rehype plugin: `data-zine-id` (from `{#id}`, after sanitising) becomes the id; every other heading gets GitHub's
 * slug of its text. Ids unique within the chapter only: the book (`book-ids.ts`) prefixes those another chapter
 * uses too. A slug that is empty or could clash with zine's own ids (`zine-…`, `note-3`) becomes `section`.
 */
export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const used = new Set<string>();
    visit(tree, 'element', (node) => {
      const written = node.properties.dataZineId;
      delete node.properties.dataZineId;
      if (typeof written !== 'string') return;
      if (!XML_NAME.test(written) || used.has(written)) {
        reportWarning(file, `Id \`#${written}\` is ${used.has(written) ? 'used twice' : 'not a valid name (a letter, then letters, digits, - _ .)'}: it is left out`, node.position, 'invalid-id');
        return;
      }
      used.add(written);
      node.properties.id = written;
    });
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName) || typeof node.properties.id === 'string') return;
      const plain = slug(toString(node));
      let id = slugger.slug(plain === '' || RESERVED_ID.test(plain) ? 'section' : plain);
      while (used.has(id)) id = slugger.slug(plain === '' || RESERVED_ID.test(plain) ? 'section' : plain);
      used.add(id);
      node.properties.id = id;
    });
  };
}
