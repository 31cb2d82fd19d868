// Language tags for passages: `:span[文字]{lang=zh-Hans}` inline and `:::div{lang=ru}` blocks (remark-directive).
// Any other directive is turned back into the text it was written as, so prose like "note:this" survives.
import type { Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type {} from 'mdast-util-to-hast';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { LANGUAGE_TAG } from '../../config/schema.ts';
import { reportError } from '../report.ts';

type Directive = ContainerDirective | LeafDirective | TextDirective;

/** remark plugin: `span`/`div` directives with a `lang` attribute become elements with `lang` (and `dir` as written). */
export default function remarkLanguage() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      const directive = node as Directive;
      const lang = directive.attributes?.lang ?? undefined;
      const isLanguageDirective = (directive.name === 'span' && node.type === 'textDirective') || (directive.name === 'div' && node.type !== 'textDirective');
      if (!isLanguageDirective || lang === undefined) {
        if (parent && index !== undefined) parent.children.splice(index, 1, asWritten(directive, file) as never);
        return SKIP;
      }
      if (!LANGUAGE_TAG.test(lang)) reportError(file, `\`${lang}\` is not a BCP 47 language tag (e.g. zh-Hans, ru, en-GB)`, directive.position, 'invalid-lang');
      directive.data = { hName: directive.name, hProperties: { lang, dir: passageDirection(directive, file) } };
    });
  };
}

/** `dir` as written (rtl, ltr, auto); rehype-implied-direction adds it where the language implies right to left. */
function passageDirection(directive: Directive, file: VFile): string | undefined {
  const written = directive.attributes?.dir ?? undefined;
  if (written === undefined || ['rtl', 'ltr', 'auto'].includes(written)) return written;
  reportError(file, `\`dir=${written}\` must be rtl, ltr or auto`, directive.position, 'invalid-dir');
  return undefined;
}

function asWritten(directive: Directive, file: VFile): Text {
  const start = directive.position?.start.offset;
  const end = directive.position?.end.offset;
  const value = start !== undefined && end !== undefined ? String(file.value).slice(start, end) : `:${directive.name}`;
  return { type: 'text', value, position: directive.position };
}
