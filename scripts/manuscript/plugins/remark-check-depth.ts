// Nesting depth: lists, quotes and emphasis inside each other beyond what the recursive tree tools can walk are an error.
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportError } from '../report.ts';

/** Deepest syntax tree allowed (root = 0; each list level counts twice, the list and its item): outputs overflow the stack near 900. */
export const MAX_NESTING_DEPTH = 500;

/**
 * remark plugin: report the first node nested deeper than `MAX_NESTING_DEPTH` and cut the tree there, so the
 * plugins and outputs after it (which walk trees recursively) never overflow; the error stops the build.
 */
export default function remarkCheckDepth() {
  return (tree: Root, file: VFile) => {
    const pending: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
    let reported = false;
    while (pending.length > 0) {
      const { node, depth } = pending.pop()!;
      if (!('children' in node) || node.children.length === 0) continue;
      if (depth === MAX_NESTING_DEPTH) {
        if (!reported)
          reportError(file, `Text is nested more than ${MAX_NESTING_DEPTH} levels deep here (lists, quotes or emphasis inside each other): flatten it`, node.children[0]!.position ?? node.position, 'nesting-too-deep');
        reported = true;
        node.children = [];
        continue;
      }
      // Pushed last to first, so the first too-deep place in reading order is the one reported.
      for (let index = node.children.length - 1; index >= 0; index--) pending.push({ node: node.children[index]!, depth: depth + 1 });
    }
  };
}
