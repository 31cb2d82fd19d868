// The unified processor for one chapter: Markdown → checked, transformed mdast → neutral hast.
import rehypeSanitize from 'rehype-sanitize';
import remarkAttributes from 'remark-attributes';
import remarkDefinitionList, { defListHastHandlers } from 'remark-definition-list';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { noteHandlers } from './plugins/note-handlers.ts';
import rehypeChapterTitle from './plugins/rehype-chapter-title.ts';
import rehypeCheckImages from './plugins/rehype-check-images.ts';
import rehypeCollectNotes from './plugins/rehype-collect-notes.ts';
import rehypeFigures from './plugins/rehype-figures.ts';
import rehypeRawIfPresent from './plugins/rehype-raw-if-present.ts';
import rehypeHeadingIds from './plugins/rehype-heading-ids.ts';
import rehypeMathml from './plugins/rehype-mathml.ts';
import remarkBracketedSpans from './plugins/remark-bracketed-spans.ts';
import remarkCarryAttributes from './plugins/remark-carry-attributes.ts';
import remarkCodeDollars from './plugins/remark-code-dollars.ts';
import remarkChapterMeta from './plugins/remark-chapter-meta.ts';
import remarkCheckDepth from './plugins/remark-check-depth.ts';
import remarkCheckFootnotes from './plugins/remark-check-footnotes.ts';
import remarkCheckUnsupported from './plugins/remark-check-unsupported.ts';
import remarkDollarProse from './plugins/remark-dollar-prose.ts';
import remarkFancyLists from './plugins/remark-fancy-lists.ts';
import remarkFencedDivs from './plugins/remark-fenced-divs.ts';
import remarkInlineNotes from './plugins/remark-inline-notes.ts';
import remarkLanguage from './plugins/remark-language.ts';
import remarkLineBlocks from './plugins/remark-line-blocks.ts';
import remarkSubSuper from './plugins/remark-sub-super.ts';
import remarkTitleBlock from './plugins/remark-title-block.ts';
import remarkTypography from './plugins/remark-typography.ts';
import rehypeImpliedDirection from './plugins/rehype-implied-direction.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/** `extended` reads GFM and the Pandoc/kramdown habits below; `gfm` reads GitHub Flavored Markdown alone. */
export type MarkdownDialect = 'extended' | 'gfm';

export interface ChapterProcessorOptions {
  root: string;
  markdown?: MarkdownDialect;
}

/** Pandoc and kramdown syntax on top of GFM: parsers first, then the transforms that read paragraphs line by line. */
const EXTENSIONS: PluggableList = [
  remarkDefinitionList,
  remarkMath,
  remarkCodeDollars,
  remarkDollarProse,
  remarkBracketedSpans,
  remarkAttributes,
  remarkCarryAttributes,
  remarkTitleBlock,
  remarkFencedDivs,
  remarkLineBlocks,
  remarkFancyLists,
  remarkInlineNotes,
  remarkSubSuper,
];

/** A processor for chapters of the manuscript in `root`; heading ids are GitHub slugs, unique in the chapter. */
export function createChapterProcessor(options: ChapterProcessorOptions) {
  const extended = (options.markdown ?? 'extended') === 'extended';
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm, { singleTilde: !extended })
    .use(remarkDirective)
    .use(remarkCheckDepth)
    .use(extended ? EXTENSIONS : [])
    .use(remarkCheckUnsupported)
    .use(remarkLanguage)
    .use(remarkChapterMeta)
    .use(remarkTypography)
    .use(remarkCheckFootnotes)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: { ...noteHandlers, ...defListHastHandlers } })
    .use(rehypeRawIfPresent)
    .use(rehypeCheckImages, { root: options.root })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeMathml)
    .use(rehypeImpliedDirection)
    .use(rehypeFigures)
    .use(rehypeChapterTitle)
    .use(rehypeHeadingIds)
    .use(rehypeCollectNotes);
}
