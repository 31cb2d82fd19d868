// A Book built by hand around one chapter tree, for tests that feed the renderers markup the parser would not make.
import path from 'node:path';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import { configSchema } from '../../scripts/config/schema.ts';
import type { Book } from '../../scripts/manuscript/book.ts';

/** A book titled `title` whose only chapter, `<id>.md` in `root`, is `tree` (English, no notes, no hyphenation). */
export function oneChapterBook(root: string, id: string, title: string, tree: Root): Book {
  const config = configSchema.parse({ title, identifier: `urn:x:${id}`, date: '2024-01-01', chapters: [`${id}.md`], print: { hyphenate: false } });
  return {
    config,
    root,
    slug: id,
    chapters: [{ id, file: new VFile({ path: path.join(root, `${id}.md`) }), title, lang: 'en', tree, notes: [] }],
    images: new Map(),
  };
}
