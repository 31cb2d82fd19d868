// The faces a text really uses: per character, the first family of its language's stack that holds it.
import { faceHolders, readFontFaces, type FontFaceFile } from '../fonts/index.ts';
import { codeStack, textStack } from './font-stacks.ts';
import type { TextRun } from './text-runs.ts';

/**
 * The subset files the runs need: for each character, the faces (every weight and style) of the first family in its
 * stack whose unicode-range holds it, as the browser will choose. Four Han families all hold 的; only one is used.
 */
export async function facesUsed(runs: Iterable<TextRun>, latin?: string): Promise<FontFaceFile[]> {
  const [faces, holds] = await Promise.all([readFontFaces(), faceHolders()]);
  const used = new Set<FontFaceFile>();
  // The code points already placed, per stack: a number set each, not a string key per character of the book.
  const seenByStack = new Map<string, Set<number>>();
  for (const run of runs) {
    const stack = run.code ? codeStack(run.lang, latin) : textStack(run.lang, latin);
    const key = stack.join('|');
    const seen = seenByStack.get(key) ?? seenByStack.set(key, new Set()).get(key)!;
    for (const char of run.text) {
      const point = char.codePointAt(0)!;
      if (seen.has(point)) continue;
      seen.add(point);
      if (/\s/.test(char)) continue;
      for (const family of stack) {
        const holding = holds(family, point);
        if (holding.length === 0) continue;
        for (const face of holding) used.add(face);
        break;
      }
    }
  }
  return faces.filter((face) => used.has(face));
}
