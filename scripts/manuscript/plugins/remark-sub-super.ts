// Pandoc subscript `H~2~O` and superscript `2^10^`: no spaces inside (write `\ ` for one), so a lone `~` or `^` stays.
import type { PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

const SCRIPT = /~((?:[^\s~\\]|\\ )+)~|\^((?:[^\s^\\[]|\\ )+)\^/g;

/** remark plugin: text nodes' `~sub~` and `^sup^` become `<sub>` and `<sup>`. */
export default function remarkSubSuper() {
  return (tree: Root) => {
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || !/[~^]/.test(node.value)) return;
      const pieces: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(SCRIPT)) {
        if (match.index > last) pieces.push({ type: 'text', value: node.value.slice(last, match.index) });
        const [value, hName] = match[1] !== undefined ? [match[1], 'sub'] : [match[2]!, 'sup'];
        const text: Text = { type: 'text', value: value.replace(/\\ /g, ' ') };
        pieces.push({ type: 'emphasis', children: [text], data: { hName } });
        last = match.index + match[0].length;
      }
      if (last === 0) return;
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...(pieces as never[]));
      return [SKIP, index + pieces.length];
    });
  };
}
