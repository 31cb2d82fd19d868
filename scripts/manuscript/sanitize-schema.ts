// What raw HTML a manuscript may contain: GitHub's sanitising schema, plus figures, asides, language tags, and the
// classes, ids and data attributes that Markdown attributes (`{#id .class key=value}`) carry.
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** Tags GitHub allows that we do not: a form control, and `<source srcset>`, which would make a reader's browser fetch its URL. */
const REFUSED_TAGS = new Set(['input', 'picture', 'source']);

/** Dropped with their content, which is code or raw text, never prose: otherwise it would show as text in every output. */
const STRIPPED_TAGS = ['script', 'style', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'textarea', 'title', 'xmp'];

/** GitHub's per-tag attributes without their class limits (`h2` only `sr-only`…): Markdown attributes give any class. */
const attributesAnyClass = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, allowed]) => [tag, allowed.filter((entry) => !(Array.isArray(entry) && entry[0] === 'className'))]),
);

/** No scripts, styles, frames, forms, event handlers or non-http(s) URLs; our own note markers survive. */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !REFUSED_TAGS.has(name)), 'figure', 'figcaption', 'aside', 'span', 'section'],
  strip: STRIPPED_TAGS,
  attributes: {
    ...attributesAnyClass,
    a: [...(attributesAnyClass.a ?? []), 'dataNoteCall'],
    aside: ['dataNoteDefinition'],
    ol: [...(attributesAnyClass.ol ?? []), ['type', '1', 'a', 'A', 'i', 'I']],
    // `data-zine-id` becomes the id after sanitising, which would prefix a plain `id`; data attributes cannot script.
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'lang', 'className', 'data*'],
  },
};
