// The zine.yaml schema: every key, its default and its description in one place (docs and errors come from it).
import { z } from 'zod';
import { THEME_NAMES } from '../theme/themes.ts';
import { lengthToPoints } from './length.ts';

const length = z
  .string()
  .refine((value) => lengthToPoints(value) !== undefined, { message: 'expected a length such as "15mm", "0.6in" or "11pt"' })
  .meta({ title: 'length' });

/** Page sizes by name, in millimetres (width × height). */
export const PAGE_SIZES = {
  A4: { width: '210mm', height: '297mm' },
  A5: { width: '148mm', height: '210mm' },
  A6: { width: '105mm', height: '148mm' },
  'half-letter': { width: '5.5in', height: '8.5in' },
  letter: { width: '8.5in', height: '11in' },
} as const;

const pageSize = z.union([
  z.enum(Object.keys(PAGE_SIZES) as [keyof typeof PAGE_SIZES, ...(keyof typeof PAGE_SIZES)[]]),
  z.strictObject({ width: length, height: length }),
]);

/** A BCP 47 language tag, as zine.yaml, chapter front matter and `lang` directives accept it. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const languageTag = z.string().regex(LANGUAGE_TAG, 'expected a BCP 47 language tag such as "en" or "zh-Hans"');

/** A URL with a scheme (`https:`, `file:`, `data:`) or protocol-relative (`//host`): never a file in the manuscript. */
export const URL_LIKE = /^([a-z][a-z0-9+.-]*:|[/\\]{2})/i;

const manuscriptPath = z
  .string()
  .min(1)
  .refine((value) => !URL_LIKE.test(value), { message: 'expected a path inside the manuscript folder, not a URL' });

export const printSchema = z
  .strictObject({
    page: pageSize.default('A5').describe('Page size: A4, A5, A6, half-letter, letter, or { width, height } lengths.'),
    margins: z
      .strictObject({
        top: length.default('15mm').describe('Top margin.'),
        bottom: length.default('18mm').describe('Bottom margin (page numbers sit in it).'),
        inner: length.default('18mm').describe('Margin on the binding side.'),
        outer: length.default('14mm').describe('Margin on the outer side.'),
      })
      .default({ top: '15mm', bottom: '18mm', inner: '18mm', outer: '14mm' })
      .describe('Page margins; inner/outer mirror on left and right pages.'),
    fontSize: length.default('10pt').describe('Base font size of the body text.'),
    lineHeight: z.number().min(1).max(3).default(1.4).describe('Line height as a multiple of the font size.'),
    chapterStart: z.enum(['page', 'right']).default('page').describe('Start chapters on any new page, or on a right-hand page.'),
    hyphenate: z.boolean().default(true).describe('Hyphenate at build time, each language by its own patterns (about 70 languages); a language with none whose lines break only at spaces (Hindi, Arabic, Hebrew …) is set flush left, not justified.'),
    tone: z
      .enum(['colour', 'photocopy', 'halftone'])
      .default('colour')
      .describe('Images in the PDF: colour, photocopy (greyscale, contrast for copiers) or halftone (black-and-white dots). EPUB and HTML keep colour.'),
    cropMarks: z.boolean().default(false).describe('Add crop marks and bleed to the reading PDF, for copy shops that trim.'),
    bleed: length.default('3mm').describe('Bleed around each page when `cropMarks` is on.'),
    pdfx: z
      .enum(['x1a', 'x4'])
      .optional()
      .describe('Also write `<slug>-press.pdf`, a PDF/X-1a or PDF/X-4 for offset printers (CMYK, made with Ghostscript: `apt-get install ghostscript`).'),
  })
  .describe('The print PDF.');

const sheet = z.enum(['auto', 'a4', 'letter', 'a3', 'a5']);

export const bookletSchema = z
  .strictObject({
    sheet: sheet.default('auto').describe('Sheet to print on: auto (twice the page: A5 → A4, half-letter → letter, A6 → A5), a4, letter, a3, a5.'),
    layout: z
      .enum(['booklet', 'quarter', 'cut-stack', 'nup'])
      .default('booklet')
      .describe('Layout of `<slug>-booklet.pdf`: booklet (two pages a side, fold in half), quarter (four quarter-size pages a side, cut once, fold), cut-stack (two a side, cut and stack, for side stapling), nup (proof sheets).'),
    binding: z.enum(['left', 'right']).optional().describe('Edge the zine is bound on (mirrors the booklet and the mini zine); default from `lang`: right for a right-to-left book, else left.'),
    signatureSheets: z
      .union([z.int().min(1), z.string().regex(/^[1-9]\d*-[1-9]\d*$/, 'expected a number of sheets or a range such as "4-8"')])
      .optional()
      .describe('Sheets per signature for thick zines (each folded separately, then stacked): a number, or a range such as "4-8" to pick the size that adds the fewest blank pages; default one signature.'),
    perSide: z.literal([2, 4, 6, 8, 9, 16]).meta({ title: '2 \\| 4 \\| 6 \\| 8 \\| 9 \\| 16' }).default(4).describe('Pages on each side of a sheet for the nup layout: 2, 4, 6, 8, 9 or 16.'),
    creep: length.default('0mm').describe("Creep compensation: how far the innermost sheet's pages move toward the fold."),
  })
  .describe('The booklet PDF: its layout, sheet, binding edge, signatures and creep.');

export const minizineSchema = z
  .strictObject({
    chapters: z
      .string()
      .regex(/^\d+(-\d+)?$/, 'expected a chapter number or range such as "2" or "1-3"')
      .optional()
      .describe('Chapters to fold into the one-sheet mini zine (e.g. "1-2"); by default made only when the whole zine fits in 8 pages.'),
    sheet: sheet.exclude(['auto']).default('a4').describe('Sheet the mini zine is printed on.'),
    guides: z.boolean().default(true).describe('Print faint fold and cut guides.'),
  })
  .describe('The one-sheet, eight-page mini zine.');

export const epubSchema = z
  .strictObject({
    accessibilitySummary: z
      .string()
      .default('Text with headings, contents, footnotes and captioned images with alternative text.')
      .describe('schema:accessibilitySummary of the e-book.'),
    tocTitle: z.string().min(1).optional().describe('Heading of the e-book’s table of contents; default `labels.contents`.'),
  })
  .describe('The EPUB.');

export const labelsSchema = z
  .strictObject({
    contents: z.string().min(1).optional().describe('“Contents” (print, EPUB, HTML).'),
    notes: z.string().min(1).optional().describe('“Notes”, the heading of the HTML edition’s endnotes.'),
    cover: z.string().min(1).optional().describe('“Cover”, the cover’s accessible name.'),
    backToNote: z.string().min(1).optional().describe('The accessible name of a note’s back link; `{n}` is the note number.'),
  })
  .describe('Words zine adds to the book, when its language is not one zine knows (or to word them otherwise); by default from `lang`.');

export const configSchema = z.strictObject({
  title: z.string().min(1).describe('Title of the zine (required).'),
  subtitle: z.string().optional().describe('Subtitle, shown on the cover and in metadata.'),
  authors: z.array(z.string().min(1)).default([]).describe('Authors, if the text names any.'),
  publisher: z.string().optional().describe('Publisher, if any.'),
  lang: languageTag.default('en').describe('Main language of the text (BCP 47).'),
  identifier: z.string().min(1).describe('Stable unique identifier, e.g. urn:uuid:… (required: e-readers track books by it).'),
  date: z.iso.date().describe('Publication date, YYYY-MM-DD.'),
  description: z.string().min(1).optional().describe('A sentence or two about the zine.'),
  rights: z.string().min(1).optional().describe('Rights statement, copied verbatim into every output.'),
  subjects: z.array(z.string().min(1)).default([]).describe('Subjects or keywords.'),
  cover: manuscriptPath.optional().describe('Cover image, relative to the manuscript folder; generated from the title when absent.'),
  chapters: z.array(manuscriptPath).min(1).describe('Chapter files in reading order, relative to the manuscript folder.'),
  markdown: z
    .enum(['extended', 'gfm'])
    .default('extended')
    .describe('Markdown dialect: extended (GFM plus Pandoc and kramdown habits: definition lists, H~2~O, ^[notes], {#ids}, ::: divs, | line blocks, math) or gfm (GitHub Flavored Markdown only: tildes and carets stay literal).'),
  theme: z
    .enum(THEME_NAMES)
    .default('default')
    .describe('The look of every output: default, large-print (14 pt, ragged right, Atkinson Hyperlegible), pocket (A6, tight margins) or cutpaste (bold sans headings, high contrast, for photocopiers). A templates/ folder in the manuscript overrides its files.'),
  print: printSchema.default(printSchema.parse({})),
  epub: epubSchema.default(epubSchema.parse({})),
  labels: labelsSchema.default({}),
  booklet: bookletSchema.default(bookletSchema.parse({})),
  minizine: minizineSchema.default(minizineSchema.parse({})),
});

export type ZineConfig = z.output<typeof configSchema>;
export type PrintConfig = ZineConfig['print'];
