// Pandoc fenced divs: `::: note` or `::: {#id .class}` … `:::` wrap the blocks between them in `<div class="note">`.
import type { Properties } from 'hast';
import type { Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseAttributes } from '../block-attributes.ts';
import { paragraphOf, plainLine, splitLines, type Line } from '../paragraph-lines.ts';
import { reportWarning } from '../report.ts';

const OPENING = /^\s*:{3,}\s*(?:([\w-]+)|\{([^}]*)\})\s*:*\s*$/;
const CLOSING = /^\s*:{3,}\s*$/;

/** A fence line lifted out of a paragraph. */
interface Fence {
  type: 'fence';
  /** For an opening fence: the div's properties. */
  open?: Properties;
  position?: Paragraph['position'];
}

type Block = RootContent | Fence;

/** mdast node of a fenced div: rendered as `<div>` with the fence's id and classes. */
export interface FencedDiv extends Parent {
  type: 'fencedDiv';
  children: RootContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    fencedDiv: FencedDiv;
  }
  interface BlockContentMap {
    fencedDiv: FencedDiv;
  }
}

/** remark plugin: find fence lines in paragraphs and wrap the blocks between an opening and a closing fence. */
export default function remarkFencedDivs() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node: Nodes) => {
      if (!('children' in node) || !node.children.some((child) => child.type === 'paragraph')) return;
      const blocks = (node.children as RootContent[]).flatMap(liftFences);
      if (!blocks.some((block) => block.type === 'fence')) return;
      (node as Parent).children = wrapFences(blocks, file);
    });
  };
}

/** A paragraph with fence lines becomes its pieces: paragraphs between fences, and the fences. */
function liftFences(node: RootContent): Block[] {
  if (node.type !== 'paragraph') return [node];
  const lines = splitLines(node.children);
  const attached = (node.data as { hProperties?: Properties } | undefined)?.hProperties;
  const blocks: Block[] = [];
  let pending: Line[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push(paragraphOf(pending));
    pending = [];
  };
  for (const [index, line] of lines.entries()) {
    const text = plainLine(line);
    const opening = text === undefined ? undefined : OPENING.exec(text);
    // `::: {.note}` whose `{…}` remark-attributes already took onto the paragraph: only the colons remain, on its first line.
    const takenAttributes = index === 0 && attached !== undefined && text !== undefined && CLOSING.test(text);
    if (text === undefined || (!opening && !takenAttributes && !CLOSING.test(text))) {
      pending.push(line);
      continue;
    }
    flush();
    const open = takenAttributes ? attached : opening ? (opening[1] ? { className: [opening[1]] } : parseAttributes(opening[2]!)) : undefined;
    blocks.push({ type: 'fence', position: line[0]?.position, open });
  }
  flush();
  if (blocks.length === 1 && blocks[0]!.type === 'paragraph') return [node];
  return blocks;
}

/** Pair opening and closing fences (they nest) into fenced divs; an unpaired fence stays as its text, with a warning. */
function wrapFences(blocks: Block[], file: VFile): RootContent[] {
  const stack: { fence: Fence; children: RootContent[] }[] = [];
  const top: RootContent[] = [];
  const current = () => stack[stack.length - 1]?.children ?? top;
  for (const block of blocks) {
    if (block.type !== 'fence') current().push(block);
    else if (block.open) stack.push({ fence: block, children: [] });
    else if (stack.length === 0) {
      reportWarning(file, 'Closing `:::` without an opening fence: it is shown as text', block.position, 'unpaired-fence');
      top.push({ type: 'paragraph', children: [{ type: 'text', value: ':::' }], position: block.position });
    } else {
      const { fence, children } = stack.pop()!;
      current().push(fencedDiv(fence, children, block));
    }
  }
  while (stack.length > 0) {
    const { fence, children } = stack.pop()!;
    reportWarning(file, 'Fenced div is never closed: add a line `:::` after its last block', fence.position, 'unclosed-fence');
    current().push(fencedDiv(fence, children));
  }
  return top;
}

function fencedDiv(open: Fence, children: RootContent[], close?: Fence): FencedDiv {
  const position = open.position && { start: open.position.start, end: (close ?? children[children.length - 1] ?? open).position?.end ?? open.position.end };
  return { type: 'fencedDiv', children, position, data: { hName: 'div', hProperties: open.open } };
}
