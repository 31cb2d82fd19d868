// Pandoc's rule for `$…$`: prices like "$4 and $5" are prose, not math (remark-math pairs any two dollars).
import type { Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * remark plugin: single-dollar inline math whose opening `$` is followed by a space, whose closing `$` follows a
 * space or is escaped (`\$`), or is followed by a digit, becomes the text it was written as (an escaped `\$` as `$`).
 */
export default function remarkDollarProse() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'inlineMath', (node, index, parent) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || !parent || index === undefined) return;
      const written = source.slice(start, end);
      if (written.startsWith('$$')) return;
      const inner = written.slice(1, -1);
      if (!/^\s|\s$|\\$/.test(inner) && !/^\d/.test(source.slice(end, end + 1))) return;
      parent.children.splice(index, 1, { type: 'text', value: written.replace(/\\\$/g, '$'), position: node.position } as Text);
      return [SKIP, index + 1];
    });
  };
}
