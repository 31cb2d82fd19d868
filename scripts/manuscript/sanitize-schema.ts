// What raw HTML a manuscript may contain: GitHub's sanitising schema, plus figures, asides and language tags.
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** No scripts, styles, frames, forms, event handlers or non-http(s) URLs; our own note markers survive. */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'), 'figure', 'figcaption', 'aside', 'span', 'section'],
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), 'dataNoteCall'],
    aside: ['dataNoteDefinition'],
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'lang'],
  },
};
