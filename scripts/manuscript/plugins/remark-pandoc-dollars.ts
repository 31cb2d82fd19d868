// Pandoc's rule for `$…$`: a dollar amount is not math. remark-math pairs any two dollars on a line, so
// "$4.3 billion … to $1.47" became a formula; Pandoc requires a non-space after the opening `$`, a non-space before
// the closing one, and no digit right after it.
import type { InlineMath } from 'mdast-util-math';
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** remark plugin, after remark-math: inline math written with single dollars that breaks Pandoc's rule becomes text again. */
export default function remarkPandocDollars() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'inlineMath', (node: InlineMath, index, parent) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || !parent || index === undefined) return;
      const written = source.slice(start, end);
      if (written.startsWith('$$')) return;
      const inner = written.slice(1, -1);
      if (/^\s/.test(inner) || /\s$/.test(inner) || /^\d/.test(source.slice(end, end + 1))) {
        const text: Text = { type: 'text', value: written, position: node.position };
        parent.children.splice(index, 1, text);
      }
    });
  };
}
