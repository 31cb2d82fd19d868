// Chapter front matter (`lang`, `title`) into file.data; an empty chapter is an error.
import type { Root } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { LANGUAGE_TAG } from '../../config/schema.ts';
import { reportError, reportWarning } from '../report.ts';
import { smartenText } from './remark-typography.ts';

const KNOWN_KEYS = new Set(['lang', 'title']);

export interface ChapterMeta {
  title?: string;
  lang?: string;
  /** Where the title is written: its heading, or the front matter. */
  titlePlace?: Position;
}

declare module 'vfile' {
  interface DataMap {
    chapter: ChapterMeta;
  }
}

/** remark plugin: read front matter into `file.data.chapter` (a front matter `title` gets smart typography); an empty chapter is an error. */
export default function remarkChapterMeta() {
  return (tree: Root, file: VFile) => {
    const meta: ChapterMeta = {};
    const frontmatter = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
    if (frontmatter) readFrontmatter(frontmatter.value, frontmatter.position, file, meta);
    meta.title ??= file.data.titleBlock?.title;
    if (meta.title) [meta.title, meta.titlePlace] = [smartenText(meta.title), frontmatter?.position];
    const content = tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'definition');
    if (content.length === 0) reportError(file, 'Chapter is empty: write some text or remove it from `chapters` in zine.yaml', { line: 1, column: 1 }, 'empty-chapter');
    file.data.chapter = meta;
  };
}

function readFrontmatter(source: string, position: Root['position'], file: VFile, meta: ChapterMeta) {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    // yaml places the error inside the front matter, which starts on the line after the opening `---`.
    const at = (error as { linePos?: [{ line: number; col: number }] }).linePos?.[0];
    const place = at && position ? { line: position.start.line + at.line, column: at.col } : position;
    const reason = (error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    reportError(file, `Invalid front matter: ${reason}`, place, 'frontmatter-syntax');
    return;
  }
  if (data === null || data === undefined) return;
  if (typeof data !== 'object' || Array.isArray(data)) {
    reportError(file, 'Front matter must be key: value pairs', position, 'frontmatter-invalid');
    return;
  }
  for (const [key, value] of Object.entries(data)) {
    if (!KNOWN_KEYS.has(key)) reportWarning(file, `Unknown front matter key \`${key}\` (known: lang, title)`, position, 'frontmatter-unknown-key');
    else if (typeof value !== 'string' || (key === 'lang' && !LANGUAGE_TAG.test(value)))
      reportError(file, `Front matter \`${key}\` must be ${key === 'lang' ? 'a BCP 47 language tag such as zh-Hans' : 'text'}`, position, 'frontmatter-invalid');
    else meta[key as 'lang' | 'title'] = value;
  }
}
