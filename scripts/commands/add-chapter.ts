// `zine add chapter "Title" [dir]`: write a new chapter file and append it to `chapters:`, keeping zine.yaml's comments and order.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import { CONFIG_NAME } from '../config/load.ts';
import { chapterFileName, newChapterText } from '../new-zine/chapter-file.ts';
import { refuse, shown } from './say.ts';

/** Add the chapter to the manuscript in `dir` (absolute); resolves to the exit code. */
export async function runAddChapter(dir: string, title: string): Promise<number> {
  if (title.trim() === '') return refuse('add chapter needs a title: zine add chapter "The Title" [manuscript-dir]');
  const configPath = path.join(dir, CONFIG_NAME);
  const text = await readFile(configPath, 'utf8').catch(() => undefined);
  if (text === undefined) return refuse(`${shown(configPath)} not found: make a manuscript first with zine init`);
  const document = parseDocument(text);
  if (document.errors.length > 0) return refuse(`${shown(configPath)} is not valid YAML (zine check says where)`);
  const chapters = document.get('chapters', true);
  if (!isSeq(chapters)) return refuse(`${shown(configPath)} has no chapters: list to add to`);
  const name = chapterFileName(chapters.items.length + 1, title);
  const file = path.join(dir, name);
  // 'wx': an existing file of that name is never overwritten.
  const written = await writeFile(file, newChapterText(title), { flag: 'wx' }).then(
    () => true,
    () => false,
  );
  if (!written) return refuse(`${shown(file)} already exists, and add never overwrites a file`);
  chapters.add(document.createNode(name));
  await writeFile(configPath, document.toString({ lineWidth: 0 }));
  console.log(`zine: wrote ${shown(file)} and listed it in ${shown(configPath)}`);
  return 0;
}
