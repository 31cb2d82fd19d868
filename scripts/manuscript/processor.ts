// The unified processor for one chapter: Markdown → checked, transformed mdast → neutral hast.
import rehypeSanitize from 'rehype-sanitize';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { noteHandlers } from './plugins/note-handlers.ts';
import rehypeCheckImages from './plugins/rehype-check-images.ts';
import rehypeCollectNotes from './plugins/rehype-collect-notes.ts';
import rehypeFigures from './plugins/rehype-figures.ts';
import rehypeRawIfPresent from './plugins/rehype-raw-if-present.ts';
import rehypeHeadingIds from './plugins/rehype-heading-ids.ts';
import remarkChapterMeta from './plugins/remark-chapter-meta.ts';
import remarkCheckDepth from './plugins/remark-check-depth.ts';
import remarkCheckFootnotes from './plugins/remark-check-footnotes.ts';
import remarkLanguage from './plugins/remark-language.ts';
import remarkTypography from './plugins/remark-typography.ts';
import rehypeImpliedDirection from './plugins/rehype-implied-direction.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/** A processor for chapters of the manuscript in `root`; `chapterId` prefixes heading ids. */
export function createChapterProcessor(options: { root: string; chapterId: string }) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkCheckDepth)
    .use(remarkLanguage)
    .use(remarkChapterMeta)
    .use(remarkTypography)
    .use(remarkCheckFootnotes)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: noteHandlers })
    .use(rehypeRawIfPresent)
    .use(rehypeCheckImages, { root: options.root })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeImpliedDirection)
    .use(rehypeFigures)
    .use(rehypeHeadingIds, { chapterId: options.chapterId })
    .use(rehypeCollectNotes);
}
