// `zine import`: a Word document (.docx) as a manuscript: chapters, notes, images, metadata, and a report of what was lost.
import path from 'node:path';
import type { Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { chapterFileName } from '../new-zine/chapter-file.ts';
import { documentProperties } from './document-properties.ts';
import { noteHandlers, rehypeDocxNotes } from './docx-notes.ts';
import { rehypeFirstRowHeader } from './docx-tables.ts';
import { docxToHtml } from './docx-to-html.ts';
import { splitChapters } from './split-chapters.ts';
import { rehypeFindUnkept, type Unkept } from './unkept.ts';

export interface ImportedDocument {
  title: string;
  authors: string[];
  lang?: string;
  /** Chapter files in reading order: VFiles at their path in `manuscriptDir`, holding their Markdown and the import's messages. */
  chapters: VFile[];
  /** Image files by path relative to the manuscript folder. */
  images: Map<string, Uint8Array>;
  /** Messages about the .docx itself (mammoth's), which it cannot place. */
  docx: VFile;
}

/** Convert `bytes`, the .docx at `docxPath`, into the files of a manuscript in `manuscriptDir` (both absolute). */
export async function importDocx(docxPath: string, bytes: Uint8Array, manuscriptDir: string): Promise<ImportedDocument> {
  const docx = new VFile({ path: docxPath, cwd: process.cwd() });
  const properties = documentProperties(bytes);
  const title = properties.title ?? path.basename(docxPath).replace(/\.docx$/i, '');
  const converted = await docxToHtml(bytes);
  for (const message of converted.messages) {
    docx.message(`Word (${message.type}): ${message.message}`, { ruleId: 'import-docx', source: 'mammoth' });
  }
  const unkept: Unkept[] = [];
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeDocxNotes)
    .use(rehypeFindUnkept, unkept)
    .use(rehypeFirstRowHeader)
    .use(rehypeRemark, { handlers: noteHandlers })
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-' });
  const tree = (await processor.run(processor.parse(converted.html))) as MdastRoot;
  const chapters = splitChapters(tree, title).map((chapter, index) => {
    const name = chapterFileName(index + 1, chapter.title);
    return new VFile({ path: path.join(manuscriptDir, name), cwd: process.cwd(), value: processor.stringify(chapter.tree) });
  });
  placeUnkept(unkept, chapters, docx);
  return { title, authors: properties.authors, lang: properties.lang, chapters, images: converted.images, docx };
}

/** Report each lost thing where its text landed in the chapters (searched in document order), else on the .docx. */
function placeUnkept(unkept: Unkept[], chapters: VFile[], docx: VFile) {
  let chapterIndex = 0;
  let offset = 0;
  for (const item of unkept) {
    const needle = item.text.trim().split('\n')[0]!.slice(0, 40);
    let place: { file: VFile; at: number } | undefined;
    for (let index = chapterIndex; needle !== '' && index < chapters.length && !place; index++) {
      const at = String(chapters[index]!.value).indexOf(needle, index === chapterIndex ? offset : 0);
      if (at >= 0) place = { file: chapters[index]!, at };
    }
    if (!place) {
      docx.message(item.reason, { ruleId: item.ruleId, source: 'zine-import' });
      continue;
    }
    chapterIndex = chapters.indexOf(place.file);
    offset = place.at;
    const before = String(place.file.value).slice(0, place.at).split('\n');
    place.file.message(item.reason, { place: { line: before.length, column: before.at(-1)!.length + 1 }, ruleId: item.ruleId, source: 'zine-import' });
  }
}
