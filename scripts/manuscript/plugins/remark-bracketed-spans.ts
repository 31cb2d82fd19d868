// Pandoc's bracketed spans `[text]{.smallcaps}`, `[mot]{lang=fr}`, `[x]{#id .class key=value}`: no maintained
// micromark extension exists, so this reads the `{…}` remark-attributes parsed and wraps the bracketed run before it.
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { LANGUAGE_TAG } from '../../config/schema.ts';
import { readAttributes } from '../block-attributes.ts';
import { reportError } from '../report.ts';

/** An `attrs` node as remark-attributes' parser leaves it, before its own transform attaches it to a neighbour. */
interface AttrsNode {
  type: 'attrs';
  value: string;
}

/**
 * remark plugin, used before remark-attributes so its transform sees the `{…}` nodes first: `[` … `]{attrs}` among
 * one parent's children (the brackets in text nodes, balanced, unescaped, any inline markup between) becomes a
 * `<span>` with those attributes, which remark-carry-attributes then makes safe as it does its own. A link's
 * `[text](url){…}` is remark-attributes' own and is left to it.
 */
export default function remarkBracketedSpans() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, (node, index, parent) => {
      if ((node.type as string) !== 'attrs' || !parent || index === undefined) return;
      const open = findOpening(parent, index, source);
      if (!open) return;
      const attributes = readAttributes((node as unknown as AttrsNode).value);
      if (typeof attributes.lang === 'string' && !LANGUAGE_TAG.test(attributes.lang)) {
        reportError(file, `\`${attributes.lang}\` is not a BCP 47 language tag (e.g. zh-Hans, ru, en-GB)`, node.position, 'invalid-lang');
        delete attributes.lang;
      }
      const children = parent.children as PhrasingContent[];
      const first = children[open.child] as Text;
      const last = children[index - 1] as Text;
      const inside = children.slice(open.child, index).map((child) => ({ ...child })) as PhrasingContent[];
      const head = inside[0] as Text;
      const tail = inside[inside.length - 1] as Text;
      // One text node may hold both brackets (`a [b] c`): cut its end first, then its start.
      tail.value = (inside.length === 1 ? first.value : last.value).slice(0, -1);
      head.value = head.value.slice(open.offset + 1);
      const before: Text[] = open.offset > 0 ? [{ type: 'text', value: first.value.slice(0, open.offset) }] : [];
      const span: PhrasingContent = { type: 'emphasis', children: inside.filter((child) => child.type !== 'text' || child.value !== ''), data: { hName: 'span', hProperties: attributes } };
      children.splice(open.child, index - open.child + 1, ...before, span);
      return [SKIP, open.child + before.length + 1];
    });
  };
}

/** Where the `[` that the `]` just before `children[index]` closes is: child and offset, or nothing (no span here). */
function findOpening(parent: Parent, index: number, source: string): { child: number; offset: number } | undefined {
  const last = parent.children[index - 1];
  if (last?.type !== 'text' || !last.value.endsWith(']') || isEscaped(last, last.value.length - 1, source)) return undefined;
  let depth = 0;
  for (let child = index - 1; child >= 0; child--) {
    const node = parent.children[child]!;
    if (node.type === 'link' || node.type === 'linkReference') return undefined;
    if (node.type !== 'text') continue;
    for (let offset = node.value.length - (child === index - 1 ? 2 : 1); offset >= 0; offset--) {
      const char = node.value[offset];
      if ((char !== '[' && char !== ']') || isEscaped(node, offset, source)) continue;
      if (char === ']') depth++;
      else if (depth === 0) return { child, offset };
      else depth--;
    }
  }
  return undefined;
}

/**
 * Whether the bracket at `offset` of a text node was written `\[` or `\]`. The node's value has its escapes resolved,
 * so count brackets from its end in the source as in the value: the same count back lands on the same bracket.
 */
function isEscaped(node: Text, offset: number, source: string): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const bracket = node.value[offset]!;
  let fromEnd = 0;
  for (let at = node.value.length - 1; at > offset; at--) if (node.value[at] === bracket) fromEnd++;
  for (let at = end - 1; at >= start; at--) {
    if (source[at] !== bracket) continue;
    if (fromEnd-- === 0) return source[at - 1] === '\\';
  }
  return false;
}
