// Pandoc line blocks: a paragraph whose lines start with `| ` keeps its line breaks and indents (poetry, addresses).
import type { PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { splitLines, stripLinePrefix, type Line } from '../paragraph-lines.ts';

const MARKER = /^\|(?: |$)/;

/** remark plugin: `| line` paragraphs become `<div class="line-block">` with a break after each line. */
export default function remarkLineBlocks() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node) => {
      const lines = splitLines(node.children);
      if (!startsWithMarker(lines[0]!)) return;
      const kept: Line[] = [];
      for (const line of lines) {
        if (stripLinePrefix(line, MARKER) !== undefined) kept.push(keepIndent(line));
        // A line without `|` continues the one before (Pandoc's rule for long lines).
        else if (kept.length > 0) kept[kept.length - 1]!.push({ type: 'text', value: ' ' }, ...line);
      }
      node.children = kept.flatMap((line, index): PhrasingContent[] => (index === 0 ? line : [{ type: 'break' }, ...line]));
      node.data = { ...node.data, hName: 'div', hProperties: { ...node.data?.hProperties, className: ['line-block'] } };
    });
  };
}

function startsWithMarker(line: Line): boolean {
  const first = line[0];
  return first?.type === 'text' && MARKER.test(first.value);
}

/** Leading spaces as no-break spaces, so an indented line stays indented in every output. */
function keepIndent(line: Line): Line {
  const first = line[0];
  if (first?.type === 'text') first.value = first.value.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length));
  return line;
}

