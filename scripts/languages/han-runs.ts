// Chinese inside a non-Chinese string (a title, a subtitle) as hast: each run of Han text in a `lang` span.
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { tagLatinRuns } from './latin-runs.ts';

/** Han characters, and the CJK punctuation and full-width forms that belong with them. */
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/**
 * What may sit between two Han runs and still belong to the Chinese phrase: punctuation, digits and spaces
 * (`采访:阿拉木图`), or one bracketed gloss (`阿拉木图(Almaty)无治`). Latin words between them stay in the context's
 * language (`北京 and 上海`).
 */
const JOINER = /^(?:[\s\p{P}\p{N}]*|\s*\([^()]*\)\s*)$/u;

/**
 * `text` as hast nodes for a context in `lang`: unchanged when that language writes with Han characters (Chinese,
 * Japanese), else each Han run (with its CJK punctuation and what joins it to the next) in a `<span lang={hanLang}>`,
 * so the CJK face, CJK line breaking and the no-italics rules apply to it.
 */
export function tagHanRuns(text: string, lang: string, hanLang = 'zh-Hans'): ElementContent[] {
  if (/^(zh|ja)\b/i.test(lang)) return text === '' ? [] : [{ type: 'text', value: text }];
  const runs = hanRuns(text);
  const nodes: ElementContent[] = [];
  let at = 0;
  for (const [start, end] of runs) {
    if (start > at) nodes.push({ type: 'text', value: text.slice(at, start) });
    const run = h('span', { lang: hanLang }, text.slice(start, end));
    tagLatinRuns(run, hanLang); // a gloss inside the run, `阿拉木图(Almaty)`, in the Latin face
    nodes.push(run);
    at = end;
  }
  if (at < text.length) nodes.push({ type: 'text', value: text.slice(at) });
  return nodes;
}

/** The tag for Han text outside the book's Chinese chapters: their language (`zh-Hant`…), else `zh-Hans`. */
export function hanLangOf(book: { chapters: readonly { lang: string }[] }): string {
  return book.chapters.find((chapter) => /^zh\b/i.test(chapter.lang))?.lang ?? 'zh-Hans';
}

/** [start, end) of each Han run (with the digits right before it: `1月5日`), runs with only joiners between them merged. */
function hanRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  const characters = [...text];
  let offset = 0;
  for (const character of characters) {
    const end = offset + character.length;
    if (HAN.test(character)) {
      const last = runs.at(-1);
      if (last && (last[1] === offset || JOINER.test(text.slice(last[1], offset)))) last[1] = end;
      else runs.push([offset - (/\p{N}+$/u.exec(text.slice(runs.at(-1)?.[1] ?? 0, offset))?.[0].length ?? 0), end]);
    }
    offset = end;
  }
  return runs;
}
