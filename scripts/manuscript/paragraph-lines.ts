// A paragraph's phrasing content cut into its source lines, and lines put back together: the line-based Pandoc
// constructs (fenced divs, line blocks, fancy lists, title blocks) are paragraphs to CommonMark.
import type { Paragraph, PhrasingContent } from 'mdast';
import type { Point } from 'unist';

/** One source line of a paragraph: its inline nodes, without the line ending. */
export type Line = PhrasingContent[];

/** Cut `children` at every line ending (a newline in text, or a hard break). */
export function splitLines(children: PhrasingContent[]): Line[] {
  const lines: Line[] = [[]];
  for (const child of children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines[lines.length - 1]!.push(child);
      continue;
    }
    child.value.split('\n').forEach((value, index) => {
      if (index > 0) lines.push([]);
      if (value !== '') lines[lines.length - 1]!.push({ type: 'text', value, position: piecePosition(child.position?.start, index, value) });
    });
  }
  return lines;
}

/** Where the `index`-th line of a text node starts (a continuation line's column is not known: container prefixes differ). */
function piecePosition(start: Point | undefined, index: number, value: string) {
  if (!start) return undefined;
  const from = index === 0 ? start : { line: start.line + index, column: 1 };
  return { start: from, end: { line: from.line, column: from.column + value.length } };
}

/** The text of a line made of text nodes only, else undefined (the line holds emphasis, a link, code…). */
export function plainLine(line: Line): string | undefined {
  return line.every((node) => node.type === 'text') ? line.map((node) => (node as { value: string }).value).join('') : undefined;
}

/** Lines joined by newlines into one paragraph's content. */
export function joinLines(lines: Line[]): PhrasingContent[] {
  return lines.flatMap((line, index) => (index === 0 ? line : [{ type: 'text', value: '\n' } as PhrasingContent, ...line]));
}

/** A paragraph of `lines`, placed from its first node to its last. */
export function paragraphOf(lines: Line[]): Paragraph {
  const children = joinLines(lines);
  const start = children.find((node) => node.position)?.position?.start;
  const end = [...children].reverse().find((node) => node.position)?.position?.end;
  return { type: 'paragraph', children, position: start && end ? { start, end } : undefined };
}

/** Remove `prefix` (a string or pattern at the start) from a line's first text node; returns what it removed. */
export function stripLinePrefix(line: Line, prefix: RegExp): string | undefined {
  const first = line[0];
  if (first?.type !== 'text') return undefined;
  const match = prefix.exec(first.value);
  if (!match || match.index !== 0) return undefined;
  first.value = first.value.slice(match[0].length);
  if (first.position) first.position = { ...first.position, start: { ...first.position.start, column: first.position.start.column + match[0].length } };
  if (first.value === '') line.shift();
  return match[0];
}
