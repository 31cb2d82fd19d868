// `zine import <file.docx> [dir]`: write the manuscript the Word document becomes, and report what it could not keep.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatMessages } from '../build/format-messages.ts';
import { CONFIG_NAME } from '../config/load.ts';
import { LANGUAGE_TAG } from '../config/schema.ts';
import { importDocx } from '../import/index.ts';
import { newConfigText, publicationDate } from '../new-zine/config-text.ts';
import { whyNotFree } from './free-paths.ts';
import { refuse, shown } from './say.ts';

/** Import `docxPath` into `dir` (both absolute; `dir` defaults to the document's name); resolves to the exit code. */
export async function runImport(docxPath: string, dir: string, options: { lang?: string }): Promise<number> {
  if (!/\.docx$/i.test(docxPath)) return refuse(`zine import reads Word documents (.docx), not ${shown(docxPath)}`);
  if (options.lang !== undefined && !LANGUAGE_TAG.test(options.lang)) return refuse(`--lang takes a BCP 47 language tag such as "en", not "${options.lang}"`);
  const bytes = await readFile(docxPath).catch(() => undefined);
  if (!bytes) return refuse(`cannot read ${shown(docxPath)}`);
  let imported;
  try {
    imported = await importDocx(docxPath, new Uint8Array(bytes), dir);
  } catch (error) {
    return refuse(`${shown(docxPath)} is not a Word document zine can read: ${(error as Error).message}`);
  }
  const names = imported.chapters.map((file) => path.relative(dir, file.path));
  const inTheWay = await whyNotFree(dir, [...names, ...imported.images.keys()], 'import');
  if (inTheWay) return refuse(inTheWay);
  const lang = options.lang ?? (imported.lang && LANGUAGE_TAG.test(imported.lang) ? imported.lang : 'en');
  await mkdir(path.join(dir, 'images'), { recursive: true });
  for (const [name, data] of imported.images) await writeFile(path.join(dir, name), data, { flag: 'wx' });
  for (const file of imported.chapters) await writeFile(file.path, String(file.value), { flag: 'wx' });
  const config = newConfigText({ title: imported.title, authors: imported.authors, lang, identifier: `urn:uuid:${randomUUID()}`, date: publicationDate(), theme: 'default', chapters: names });
  await writeFile(path.join(dir, CONFIG_NAME), config, { flag: 'wx' });
  process.stderr.write(formatMessages([imported.docx, ...imported.chapters]));
  console.log(`zine: imported ${shown(docxPath)} into ${shown(dir)}: ${names.length} chapter${names.length === 1 ? '' : 's'}, ${imported.images.size} image${imported.images.size === 1 ? '' : 's'}

Next:
  zine build ${shown(dir)}`);
  return 0;
}
