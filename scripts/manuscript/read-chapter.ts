// Read one chapter file into a VFile and compile it to a neutral hast tree (the one parse every output shares).
import { readFile } from 'node:fs/promises';
import type { ElementContent, Root } from 'hast';
import type { Position } from 'unist';
import { VFile } from 'vfile';
import { decodeUtf8 } from './decode.ts';
import { createChapterProcessor, type ChapterProcessorOptions } from './processor.ts';
import { reportError } from './report.ts';
import type { UsedImage } from './plugins/rehype-check-images.ts';

export interface CompiledChapter {
  file: VFile;
  tree: Root;
  title?: string;
  /** Where the title is written (its heading or the front matter). */
  titlePlace?: Position;
  lang?: string;
  images: Map<string, UsedImage>;
  notes: Map<string, ElementContent[]>;
}

/** Compile the chapter at `filePath`; `bytes` may be given when already read. Messages land on the returned file. */
export async function compileChapter(filePath: string, options: ChapterProcessorOptions, bytes?: Uint8Array): Promise<CompiledChapter> {
  const file = new VFile({ path: filePath, cwd: process.cwd() });
  const text = decodeUtf8(bytes ?? (await readFile(filePath)), file);
  if (text === undefined) return { file, tree: { type: 'root', children: [] }, images: new Map(), notes: new Map() };
  file.value = text;
  const processor = createChapterProcessor(options);
  let tree: Root;
  try {
    tree = (await processor.run(processor.parse(file), file)) as Root;
  } catch (error) {
    // The parser's own tree walks recurse too: nesting thousands deep overflows them before remark-check-depth runs.
    if (!(error instanceof RangeError && /call stack/.test(error.message))) throw error;
    reportError(file, `Text is nested too deeply to parse (lists, quotes or emphasis inside each other thousands of times): flatten it`, { line: 1, column: 1 }, 'nesting-too-deep');
    return { file, tree: { type: 'root', children: [] }, images: new Map(), notes: new Map() };
  }
  const { title, titlePlace, lang } = file.data.chapter ?? {};
  return { file, tree, title, titlePlace, lang, images: file.data.images ?? new Map(), notes: file.data.notes ?? new Map() };
}
