// `missing-glyph`: characters no bundled font can draw, reported where they stand, before any output prints a box.
import type { Root, Text } from 'hast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Coverage } from '../fonts/index.ts';
import { scriptOf } from '../languages/script-of.ts';
import { reportWarning } from './report.ts';

/** Warn on `file` for each text node of `tree` holding characters `covered` rejects: one message per node, naming them. */
export function reportMissingGlyphs(tree: Root, file: VFile, covered: Coverage): void {
  visit(tree, 'text', (node: Text) => {
    const missing = new Map<string, number>();
    let offset = 0;
    for (const char of node.value) {
      if (!covered(char) && !missing.has(char)) missing.set(char, offset);
      offset += char.length;
    }
    if (missing.size === 0) return;
    const [firstOffset] = missing.values();
    reportWarning(file, missingGlyphReason([...missing.keys()]), pointIn(node, firstOffset!), 'missing-glyph');
  });
}

/** "No bundled font has `🙂` (U+1F642, emoji): it would print as a box." */
export function missingGlyphReason(chars: string[]): string {
  const named = chars.map((char) => `\`${char}\` (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, ${scriptOf(char)})`);
  return `No bundled font has ${named.join(', ')}: ${chars.length === 1 ? 'it prints' : 'they print'} as ${chars.length === 1 ? 'a box' : 'boxes'}`;
}

/** The place of `offset` inside a text node, counting its lines (escapes in the source may shift the column). */
function pointIn(node: Text, offset: number): Point | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = node.value.slice(0, offset);
  const lines = before.split('\n');
  if (lines.length === 1) return { line: start.line, column: start.column + offset };
  return { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}
