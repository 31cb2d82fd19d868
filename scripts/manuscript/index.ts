// The manuscript stage: zine.yaml and the chapter files → a Book, with every problem as a vfile message.
import { createHash } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { loadConfig, type LoadedConfig } from '../config/load.ts';
import { inspectImage } from '../images/inspect.ts';
import { tagLatinRuns } from '../languages/index.ts';
import type { Book, Chapter, ImageAsset } from './book.ts';
import { uniqueBookIds } from './book-ids.ts';
import { resolveBookLinks } from './book-links.ts';
import { bookSlug, chapterIds } from './names.ts';
import { numberChapterNotes } from './number-notes.ts';
import type { MarkdownDialect } from './processor.ts';
import { compileChapterStored } from './chapter-store.ts';
import type { CompiledChapter } from './read-chapter.ts';
import { resolveImage } from './plugins/rehype-check-images.ts';
import { reportError, reportWarning, type Place } from './report.ts';
import { missingGlyphReason, reportMissingGlyphs } from './missing-glyphs.ts';
import { fontCoverage } from '../fonts/index.ts';
import { resolveManuscriptFile, type FileProblem } from './resolve-file.ts';
import { ignoredTemplates } from '../template/ignored-templates.ts';

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
  // The real path: symlinks in the manuscript are checked against it, so a symlinked manuscript folder still works.
  const root = await realpath(path.resolve(manuscriptDir)).catch(() => path.resolve(manuscriptDir));
  const loaded = await loadConfig(root);
  const { config, file: configFile } = loaded;
  if (!config) return { files: [configFile] };

  const ids = chapterIds(config.chapters);
  const listedBefore = new Set<string>();
  const compiled = await Promise.all(
    config.chapters.map((chapterPath, index) => {
      const key = path.posix.normalize(chapterPath);
      if (!listedBefore.has(key)) return listedBefore.add(key) && readChapter(root, chapterPath, index, config.markdown, loaded, cache);
      reportError(configFile, `Chapter \`${chapterPath}\` is listed twice in \`chapters\``, loaded.placeOf(['chapters', index]), 'duplicate-chapter');
      return undefined;
    }),
  );
  const chapters: Chapter[] = [];
  const images = new Map<string, ImageAsset>();
  const uses: { src: string; path: string; file: VFile; place: Place }[] = [];
  const titlePlaces: Place[] = [];
  for (const [index, chapter] of compiled.entries()) {
    if (!chapter) continue;
    const id = ids[index]!;
    // A copy of the cached file, so messages added for this build do not pile up in the cache.
    const file = new VFile({ path: chapter.file.path, value: chapter.file.value, cwd: chapter.file.cwd });
    file.messages.push(...chapter.file.messages);
    const tree = structuredClone(chapter.tree);
    const notes = numberChapterNotes(tree, chapter.notes, 1 + chapters.reduce((count, done) => count + done.notes.length, 0));
    const lang = chapter.lang ?? config.lang;
    tagLatinRuns(tree, lang);
    for (const note of notes) tagLatinRuns({ type: 'root', children: (note.content = structuredClone(note.content)) }, lang);
    chapters.push({ id, file, title: chapter.title ?? titleFromFileName(config.chapters[index]!), lang, tree, notes });
    titlePlaces.push(chapter.titlePlace);
    for (const [src, used] of chapter.images) uses.push({ src, path: used.path, file, place: used.position });
  }
  resolveBookLinks(chapters, uniqueBookIds(chapters));
  reportSharedTitles(chapters, titlePlaces);
  const cover = config.cover ? resolveImage(config.cover, root, root) : undefined;
  if (cover && 'src' in cover) uses.push({ ...cover, file: configFile, place: loaded.placeOf(['cover']) });
  else if (cover) reportError(configFile, `\`cover\`: ${cover.reason}`, loaded.placeOf(['cover']), cover.rule);
  // Checked at once, taken in reading order: outputs number images by their place in `images`, whichever check ends first.
  const checks = await Promise.all(uses.map((use) => inspectImage(use.path)));
  uses.forEach(({ src, path: imagePath, file, place }, index) => {
    const check = checks[index]!;
    if (check.ok) images.set(src, { src, path: imagePath });
    else reportError(file, `Image \`${src}\` ${check.reason}`, place, check.rule);
  });
  const covered = await fontCoverage();
  for (const chapter of chapters) {
    reportMissingGlyphs(chapter.tree, chapter.file, covered);
    for (const note of chapter.notes) reportMissingGlyphs({ type: 'root', children: note.content }, chapter.file, covered);
  }
  for (const key of ['title', 'subtitle'] as const) {
    const missing = [...new Set(config[key] ?? '')].filter((char) => !covered(char));
    if (missing.length > 0) reportWarning(configFile, `\`${key}\`: ${missingGlyphReason(missing)}`, loaded.placeOf([key]), 'missing-glyph');
  }
  const coverImage = cover && 'src' in cover ? images.get(cover.src) : undefined;
  // A Pandoc title block's authors stand in for zine.yaml's when it names none.
  const authors = config.authors.length > 0 ? config.authors : (compiled[0]?.file.data.titleBlock?.authors ?? []);
  const book: Book = { config: { ...config, authors }, root, slug: bookSlug(config.title, config.identifier), chapters, images, cover: coverImage };
  return { book, files: [configFile, ...chapters.map((chapter) => chapter.file), ...ignoredTemplates(root)] };
}

/** A chapter without a heading is titled after its file: `03-a-spring_day.md` → "A spring day". */
function titleFromFileName(chapterPath: string): string {
  const stem = chapterPath.split('/').pop()!.replace(/\.[^.]*$/, '').replace(/^[\d\s._-]+(?=\D)/, '').replace(/[-_]+/g, ' ').trim();
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}

/** Contents entries that read the same cannot be told apart: warn at each later chapter's title. */
function reportSharedTitles(chapters: readonly Chapter[], places: readonly Place[]) {
  const first = new Map<string, Chapter>();
  chapters.forEach((chapter, index) => {
    const earlier = first.get(chapter.title);
    if (!earlier) first.set(chapter.title, chapter);
    else reportWarning(chapter.file, `Chapter title \`${chapter.title}\` is also the title of \`${path.basename(earlier.file.path)}\`: give one a front matter \`title\``, places[index], 'duplicate-title');
  });
}

/** Rules of chapter path problems: a missing chapter and one that is not a file have their own. */
const CHAPTER_RULES: Partial<Record<FileProblem, string>> = { missing: 'missing-chapter', 'not-a-file': 'unreadable-chapter' };

async function readChapter(root: string, chapterPath: string, index: number, markdown: MarkdownDialect, loaded: LoadedConfig, cache?: ChapterCache) {
  const place = loaded.placeOf(['chapters', index]);
  const resolved = resolveManuscriptFile(chapterPath, root, root);
  if (!('src' in resolved)) {
    const reason = resolved.problem === 'missing' ? `Chapter \`${chapterPath}\` listed in zine.yaml does not exist` : `Chapter \`${chapterPath}\`: ${resolved.reason}`;
    reportError(loaded.file, reason, place, CHAPTER_RULES[resolved.problem] ?? 'chapter-outside-manuscript');
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(resolved.path);
  } catch (error) {
    reportError(loaded.file, `Chapter \`${chapterPath}\` cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, place, 'unreadable-chapter');
    return undefined;
  }
  const hash = createHash('sha256').update(markdown).update('\0').update(bytes).digest('hex');
  const cached = cache?.get(resolved.path);
  if (cached?.hash === hash) return cached.compiled;
  const compiled = await compileChapterStored(resolved.path, { root, markdown }, bytes);
  cache?.set(resolved.path, { hash, compiled });
  return compiled;
}
