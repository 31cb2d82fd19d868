// Languages in print: each run of text is set in the face of its own language, whatever the language around it.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Book } from '../scripts/manuscript/book.ts';
import { loadBook } from '../scripts/manuscript/index.ts';
import { renderPrintPdf } from '../scripts/print/index.ts';
import { sharePrintSession } from './helpers/print-session.ts';
import { copyFixture } from './helpers/fixture.ts';
import { textWithFonts } from './helpers/pdf-fonts.ts';

const shared = sharePrintSession('zine-print-lang-');

async function renderFixture(edit: (dir: string) => void): Promise<Book> {
  const dir = copyFixture('minimal');
  edit(dir);
  const { book } = await loadBook(dir);
  return book!;
}

test('English in a Chinese chapter’s note is set in the Latin face, so its apostrophes are not full-width', async () => {
  const book = await renderFixture((dir) =>
    writeFileSync(path.join(dir, '02-second.md'), '---\nlang: zh-Hans\n---\n\n# 第二章\n\n这是中文文本。[^x]\n\n[^x]: 中文注释。:span[International Women’s Day]{lang=en}\n'),
  );
  const items = await textWithFonts(await renderPrintPdf(book, shared.session, { cacheDir: shared.cacheDir }));
  const english = items.filter((item) => /Women|International/.test(item.text));
  assert.ok(english.length > 0, 'the English words are printed');
  for (const item of english) assert.match(item.font, /SourceSerif4/, `"${item.text}" in ${item.font}`);
  assert.ok(items.some((item) => /[注释]/.test(item.text) && /NotoSerifSC/.test(item.font)), 'the Chinese words in Noto Serif SC');
});

test('a language without hyphenation patterns (Hindi) is set flush left; a hyphenated one (Russian) stays justified', async () => {
  const hindi = 'सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता और समानता प्राप्त है।';
  const russian = 'Все люди рождаются свободными и равными в своем достоинстве и правах.';
  const paragraph = (sentence: string) => Array.from({ length: 6 }, () => sentence).join(' ');
  const book = await renderFixture((dir) =>
    writeFileSync(path.join(dir, '02-second.md'), `# UDHR\n\n:::div{lang=hi}\n${paragraph(hindi)}\n:::\n\n:::div{lang=ru}\n${paragraph(russian)}\n:::\n`),
  );
  const items = await textWithFonts(await renderPrintPdf(book, shared.session, { cacheDir: shared.cacheDir }));
  /** The right edge of each full line of the paragraph in `script` (its last line left out), rounded to a point. */
  const rightEdges = (script: RegExp) => {
    const ys = new Set(items.filter((candidate) => script.test(candidate.text)).map((item) => Math.round(item.y)));
    const lines = new Map<number, number>();
    // Every item of those lines, the hyphen of a word broken at the line's end too.
    for (const item of items.filter((candidate) => ys.has(Math.round(candidate.y)))) lines.set(Math.round(item.y), Math.max(lines.get(Math.round(item.y)) ?? 0, item.x + item.width));
    return [...lines.entries()].sort(([a], [b]) => b - a).slice(0, -1).map(([, right]) => Math.round(right));
  };
  const hindiEdges = rightEdges(/[\u0900-\u097f]/);
  const russianEdges = rightEdges(/[\u0400-\u04ff]/);
  assert.ok(hindiEdges.length >= 3 && russianEdges.length >= 3, `lines: ${hindiEdges} / ${russianEdges}`);
  assert.ok(Math.max(...russianEdges) - Math.min(...russianEdges) <= 2, `Russian lines end together (justified): ${russianEdges}`);
  assert.ok(Math.max(...hindiEdges) - Math.min(...hindiEdges) > 5, `Hindi lines end where their words do (ragged): ${hindiEdges}`);
});

test('Latin words inside Korean and Chinese text are set in the Latin face, the CJK text and its punctuation in the CJK face', async () => {
  const book = await renderFixture((dir) =>
    writeFileSync(
      path.join(dir, '02-second.md'),
      '---\nlang: ko\n---\n\n# 인권\n\n모든 인간은 태어날 때부터 자유로우며 (Universal Declaration) 동등하다.\n\n:::div{lang=zh-Hans}\n人人生而自由，见 Human Rights 第一条。\n:::\n',
    ),
  );
  const paragraph = book.chapters[1]!.tree;
  const tagged = JSON.stringify(paragraph);
  assert.match(tagged, /"lang":"und-Latn"\},"children":\[\{"type":"text","value":"Universal Declaration"\}\]/);
  assert.match(tagged, /"lang":"und-Latn"\},"children":\[\{"type":"text","value":"Human Rights"\}\]/);
  const items = await textWithFonts(await renderPrintPdf(book, shared.session, { cacheDir: shared.cacheDir }));
  const latin = items.filter((item) => /Universal|Declaration|Human|Rights/.test(item.text));
  assert.ok(latin.length >= 2, 'the Latin words are printed');
  for (const item of latin) assert.match(item.font, /SourceSerif4/, `"${item.text}" in ${item.font}`);
  // Items break at the face's subset files, so a word may come in pieces: any Hangul item will do.
  assert.ok(items.some((item) => /[\uac00-\ud7a3]/.test(item.text) && /NotoSerifKR/.test(item.font)), 'Korean in Noto Serif KR');
  assert.ok(items.some((item) => /[，。]/.test(item.text) && /NotoSerifSC/.test(item.font)), 'Chinese punctuation stays in Noto Serif SC');
});

test('Thai, written without spaces between words, breaks its lines at word boundaries only', async () => {
  // UDHR Article 1 (OHCHR's Thai text), its first clause run on eight times so the lines must break inside it.
  const clause = 'มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักดิ์และสิทธิ';
  const text = clause.repeat(8);
  const book = await renderFixture((dir) => writeFileSync(path.join(dir, '02-second.md'), `# UDHR\n\n:::div{lang=th}\n${text}\n:::\n`));
  const items = (await textWithFonts(await renderPrintPdf(book, shared.session, { cacheDir: shared.cacheDir }))).filter((item) => /[\u0e00-\u0e7f]/.test(item.text));
  const lines = new Map<number, string>();
  for (const item of items) lines.set(Math.round(item.y), (lines.get(Math.round(item.y)) ?? '') + item.text);
  const printed = [...lines.entries()].sort(([a], [b]) => b - a).map(([, line]) => line.replace(/\s/g, ''));
  assert.equal(printed.join(''), text, 'every Thai character printed, in order');
  assert.ok(printed.length >= 3, `${printed.length} lines`);
  const boundaries = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((segment) => segment.index));
  let offset = 0;
  for (const line of printed.slice(0, -1)) {
    offset += line.length;
    assert.ok(boundaries.has(offset), `a line ends inside a word: …${text.slice(offset - 6, offset)}|${text.slice(offset, offset + 6)}…`);
  }
});
