// The manuscript stage: zine.yaml and the chapter files → a Book, with every problem as a vfile message.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { loadConfig, type LoadedConfig } from '../config/load.ts';
import type { Book, Chapter, ImageAsset } from './book.ts';
import { asciiSlug, chapterIds } from './names.ts';
import { numberChapterNotes } from './number-notes.ts';
import { compileChapter, type CompiledChapter } from './read-chapter.ts';
import { resolveImage } from './plugins/rehype-check-images.ts';
import { reportError } from './report.ts';

export type { Book, Chapter, ImageAsset, Note } from './book.ts';

/** Compiled chapters by path and content hash, so a rebuild re-parses only what changed. */
export type ChapterCache = Map<string, { hash: string; compiled: CompiledChapter }>;

export interface LoadedBook {
  /** The book, when zine.yaml is valid (it may still carry errors in `files`). */
  book?: Book;
  /** zine.yaml and every chapter, with their messages. */
  files: VFile[];
}

/** Load the manuscript in `manuscriptDir` (absolute). Pass the same `cache` across rebuilds to skip unchanged chapters. */
export async function loadBook(manuscriptDir: string, cache?: ChapterCache): Promise<LoadedBook> {
  const root = path.resolve(manuscriptDir);
  const loaded = await loadConfig(root);
  const { config, file: configFile } = loaded;
  if (!config) return { files: [configFile] };

  const ids = chapterIds(config.chapters);
  const compiled = await Promise.all(config.chapters.map((chapterPath, index) => readChapter(root, chapterPath, index, ids[index]!, loaded, cache)));
  const chapters: Chapter[] = [];
  const images = new Map<string, ImageAsset>();
  for (const [index, chapter] of compiled.entries()) {
    if (!chapter) continue;
    const id = ids[index]!;
    const tree = structuredClone(chapter.tree);
    const notes = numberChapterNotes(tree, chapter.notes, 1 + chapters.reduce((count, done) => count + done.notes.length, 0));
    chapters.push({ id, file: chapter.file, title: chapter.title ?? id, lang: chapter.lang ?? config.lang, tree, notes });
    for (const [src, imagePath] of chapter.images) images.set(src, { src, path: imagePath });
  }
  if (config.cover) {
    const cover = resolveImage(config.cover, root, root);
    if ('src' in cover) images.set(cover.src, cover);
    else reportError(configFile, `\`cover\`: ${cover.reason}`, loaded.placeOf(['cover']), cover.rule);
  }
  const book: Book = { config, root, slug: asciiSlug(config.title, 'zine'), chapters, images };
  return { book, files: [configFile, ...compiled.filter((chapter) => chapter !== undefined).map((chapter) => chapter.file)] };
}

async function readChapter(root: string, chapterPath: string, index: number, id: string, loaded: LoadedConfig, cache?: ChapterCache) {
  const place = loaded.placeOf(['chapters', index]);
  const resolved = resolveImage(chapterPath, root, root);
  if (!('src' in resolved)) {
    const reason = resolved.rule === 'missing-image' ? `Chapter \`${chapterPath}\` listed in zine.yaml does not exist` : `Chapter \`${chapterPath}\`: ${resolved.reason.replace(/^Image /, '')}`;
    reportError(loaded.file, reason, place, resolved.rule === 'missing-image' ? 'missing-chapter' : 'chapter-outside-manuscript');
    return undefined;
  }
  const bytes = await readFile(resolved.path);
  const hash = createHash('sha256').update(id).update('\0').update(bytes).digest('hex');
  const cached = cache?.get(resolved.path);
  if (cached?.hash === hash) return cached.compiled;
  const compiled = await compileChapter(resolved.path, { root, chapterId: id }, bytes);
  cache?.set(resolved.path, { hash, compiled });
  return compiled;
}
