// Ids unique across the book and valid everywhere (XHTML too): a written `{#id}` as written, else for headings the
// chapter id, then an ASCII slug.
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { asciiSlug } from '../names.ts';
import { reportWarning } from '../report.ts';

const HEADING = /^h[1-6]$/;
const XML_NAME = /^[A-Za-z_][\w.-]*$/;

/** rehype plugin: `data-zine-id` (from `{#id}`, after sanitising) becomes the id; other headings get `<chapterId>-<slug>`. */
export default function rehypeHeadingIds(options: { chapterId: string }) {
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
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName) || typeof node.properties.id === 'string') return;
      const base = `${options.chapterId}-${asciiSlug(toString(node), 'section')}`;
      let id = base;
      for (let count = 2; used.has(id); count++) id = `${base}-${count}`;
      used.add(id);
      node.properties.id = id;
    });
  };
}
