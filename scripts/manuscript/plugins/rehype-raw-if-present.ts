// rehype-raw, run only when the chapter has raw HTML: re-parsing a tree without any costs about a second per 5 MB.
import type { Element, Root, Text } from 'hast';
import type { Position } from 'unist';
import rehypeRaw from 'rehype-raw';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * rehype plugin: parse the raw HTML nodes into the tree (to be sanitised next). A tree the HTML parser would leave
 * as it is only gets its adjacent text nodes merged, as re-parsing does, so the next plugins see the same tree either way.
 */
export default function rehypeRawIfPresent() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: VFile): Root | undefined => {
    if (needsReparse(tree)) return parseRaw(tree, file);
    mergeAdjacentText(tree);
    return undefined;
  };
}

/** Raw HTML, or a link inside a link (a note call in link text), which the HTML parser would split. */
function needsReparse(node: Root | Element, inLink = false): boolean {
  for (const child of node.children) {
    if (child.type === 'raw') return true;
    if (child.type !== 'element') continue;
    const isLink = child.tagName === 'a';
    if ((isLink && inLink) || needsReparse(child, inLink || isLink)) return true;
  }
  return false;
}

function mergeAdjacentText(tree: Root) {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Element;
    const merged: Element['children'] = [];
    for (const child of parent.children) {
      const previous = merged[merged.length - 1];
      if (child.type === 'text' && previous?.type === 'text') merged[merged.length - 1] = joinText(previous, child);
      else merged.push(child);
    }
    if (merged.length !== parent.children.length) parent.children = merged;
  });
}

/** One text node for two, placed as the HTML parser places it: from the first's start (if known) to the last known end. */
function joinText(first: Text, second: Text): Text {
  const joined: Text = { type: 'text', value: first.value + second.value };
  if (first.position || second.position) joined.position = { start: first.position?.start, end: second.position?.end ?? first.position?.end } as Position;
  return joined;
}
