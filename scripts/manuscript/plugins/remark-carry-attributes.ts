// After remark-attributes: the attributes it read are carried safely, and any it could not attach is reported.
import type { Root } from 'mdast';
import type { Properties } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { carriedProperties } from '../block-attributes.ts';
import { reportWarning } from '../report.ts';

/** remark plugin: rewrite `data.hProperties` written by remark-attributes; warn about and drop stray `{…}` it left. */
export default function remarkCarryAttributes() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if ((node.type as string) === 'attrs' && parent && index !== undefined) {
        const value = (node as unknown as { value: string }).value;
        reportWarning(file, `Attributes \`{${value}}\` belong to nothing here (write them after a heading, or on the line below a block): they are left out`, node.position, 'unattached-attributes');
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      // Every node's data may carry hProperties for mdast-util-to-hast, also the definition-list nodes typed without them.
      const data = node.data as { hProperties?: Properties } | undefined;
      if (!data?.hProperties || node.type === 'inlineMath' || node.type === 'math') return;
      data.hProperties = carriedProperties(data.hProperties);
      trimTrailingNewline(node);
    });
  };
}

/** A kramdown `{: …}` line under a paragraph leaves that paragraph's last line ending behind. */
function trimTrailingNewline(node: object) {
  if (!('children' in node) || !Array.isArray(node.children)) return;
  const last = node.children[node.children.length - 1] as { type: string; value?: string } | undefined;
  if (last?.type === 'text' && last.value !== undefined) last.value = last.value.replace(/\s+$/, '');
}
