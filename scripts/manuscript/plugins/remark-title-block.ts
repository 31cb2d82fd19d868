// A Pandoc title block (`% Title`, `% Authors`, `% Date` opening a chapter) is read as the chapter's metadata.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { joinLines, plainLine, splitLines, stripLinePrefix } from '../paragraph-lines.ts';

export interface TitleBlock {
  title?: string;
  /** Authors, separated by `;` on the second line. */
  authors: string[];
  date?: string;
}

declare module 'vfile' {
  interface DataMap {
    titleBlock: TitleBlock;
  }
}

const MARKER = /^% ?/;

/** remark plugin: the title block becomes the chapter's heading, its title and authors land in `file.data.titleBlock`. */
export default function remarkTitleBlock() {
  return (tree: Root, file: VFile) => {
    const index = tree.children[0]?.type === 'yaml' ? 1 : 0;
    const block = tree.children[index];
    if (block?.type !== 'paragraph') return;
    const lines = splitLines(block.children);
    if (lines.length > 3 || !lines.every((line) => line[0]?.type === 'text' && MARKER.test(line[0].value))) return;
    for (const line of lines) stripLinePrefix(line, MARKER);
    const [title = [], authors = [], date = []] = lines;
    file.data.titleBlock = {
      title: plainLine(title)?.trim() || undefined,
      authors: (plainLine(authors) ?? '').split(';').map((name) => name.trim()).filter(Boolean),
      date: plainLine(date)?.trim() || undefined,
    };
    tree.children.splice(index, 1, ...(title.length > 0 ? [{ type: 'heading' as const, depth: 1 as const, children: joinLines([title]), position: block.position }] : []));
  };
}
