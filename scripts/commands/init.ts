// `zine init [dir] [--title …] [--lang …]`: a new manuscript that builds at once; never overwrites anything.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_NAME } from '../config/load.ts';
import { LANGUAGE_TAG } from '../config/schema.ts';
import { newConfigText, publicationDate } from '../new-zine/config-text.ts';
import { EXAMPLE_IMAGE, exampleChapterText } from '../new-zine/example-chapter.ts';
import { whyNotFree } from './free-paths.ts';
import { generatePlaceholders } from '../placeholders/index.ts';
import { refuse, shown } from './say.ts';

const FIRST_CHAPTER = '01-getting-started.md';

export interface InitOptions {
  title?: string;
  lang?: string;
}

/** Make the manuscript in `dir` (absolute); resolves to the exit code. */
export async function runInit(dir: string, options: InitOptions): Promise<number> {
  const title = (options.title ?? 'Untitled Zine').trim();
  const lang = options.lang ?? 'en';
  if (title === '') return refuse('--title needs some text');
  if (!LANGUAGE_TAG.test(lang)) return refuse(`--lang takes a BCP 47 language tag such as "en" or "zh-Hans", not "${lang}"`);
  const inTheWay = await whyNotFree(dir, [FIRST_CHAPTER, EXAMPLE_IMAGE], 'init');
  if (inTheWay) return refuse(inTheWay);
  const config = path.join(dir, CONFIG_NAME);
  await mkdir(path.join(dir, 'images'), { recursive: true });
  const text = newConfigText({ title, authors: [], lang, identifier: `urn:uuid:${randomUUID()}`, date: publicationDate(), theme: 'default', chapters: [FIRST_CHAPTER] });
  // 'wx' fails if the file appeared meanwhile: never overwrite.
  await writeFile(path.join(dir, FIRST_CHAPTER), exampleChapterText(), { flag: 'wx' });
  await writeFile(config, text, { flag: 'wx' });
  await generatePlaceholders(dir);
  const target = shown(dir);
  console.log(`zine: a new manuscript in ${target}: ${CONFIG_NAME}, ${FIRST_CHAPTER}, ${EXAMPLE_IMAGE}

Next:
  zine build ${quoted(target)}                        # every output into ./build
  zine watch ${quoted(target)}                        # a live preview while you write
  zine add chapter "The Second Chapter" ${quoted(target)}  # a new chapter, listed in ${CONFIG_NAME}`);
  return 0;
}


function quoted(arg: string): string {
  return /^[\w./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
