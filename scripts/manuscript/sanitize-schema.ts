// What raw HTML a manuscript may contain: GitHub's sanitising schema, plus figures, asides and language tags.
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** Tags GitHub allows that we do not: a form control, and `<source srcset>`, which would make a reader's browser fetch its URL. */
const REFUSED_TAGS = new Set(['input', 'picture', 'source']);

/** Dropped with their content, which is code or raw text, never prose: otherwise it would show as text in every output. */
const STRIPPED_TAGS = ['script', 'style', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'textarea', 'title', 'xmp'];

/** No scripts, styles, frames, forms, event handlers or non-http(s) URLs; our own note markers survive. */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !REFUSED_TAGS.has(name)), 'figure', 'figcaption', 'aside', 'span', 'section'],
  strip: STRIPPED_TAGS,
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), 'dataNoteCall'],
    aside: ['dataNoteDefinition'],
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'lang'],
  },
};
