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
