// Language tags for passages: `:span[文字]{lang=zh-Hans}` inline and `:::div{lang=ru}` blocks (remark-directive);
// a block `:::note` is a div of class `note`. Any other directive is turned back into the text it was written as,
// so prose like "note:this" survives.
import type { Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type {} from 'mdast-util-to-hast';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { LANGUAGE_TAG } from '../../config/schema.ts';
import { reportError } from '../report.ts';

type Directive = ContainerDirective | LeafDirective | TextDirective;

/** remark plugin: `span` directives with a `lang` attribute become elements with `lang` (and `dir` as written); block directives become divs. */
export default function remarkLanguage() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      const directive = node as Directive;
      const lang = directive.attributes?.lang ?? undefined;
      const isLanguageDirective = (directive.name === 'span' && node.type === 'textDirective') || (directive.name === 'div' && node.type !== 'textDirective');
      if (lang !== undefined && (isLanguageDirective || node.type === 'containerDirective')) checkLanguage(lang, directive, file);
      if (node.type === 'containerDirective') {
        directive.data = { hName: 'div', hProperties: classedDiv(node, file) };
        return;
      }
      if (!isLanguageDirective || lang === undefined) {
        if (parent && index !== undefined) parent.children.splice(index, 1, asWritten(directive, file) as never);
        return SKIP;
      }
      directive.data = { hName: directive.name, hProperties: { lang, ...passageDirection(directive, file) } };
    });
  };
}

function checkLanguage(lang: string, directive: Directive, file: VFile) {
  if (!LANGUAGE_TAG.test(lang)) reportError(file, `\`${lang}\` is not a BCP 47 language tag (e.g. zh-Hans, ru, en-GB)`, directive.position, 'invalid-lang');
}

/** A `:::name{#id .class lang=… dir=…}` block: `name` (unless `div`) and the classes as its classes. */
function classedDiv(directive: ContainerDirective, file: VFile) {
  const { id, class: classes, lang } = directive.attributes ?? {};
  const className = [directive.name === 'div' ? [] : [directive.name], (classes ?? '').split(/\s+/)].flat().filter(Boolean);
  return { ...(className.length > 0 ? { className } : {}), ...(id ? { dataZineId: id } : {}), ...(lang && LANGUAGE_TAG.test(lang) ? { lang } : {}), ...passageDirection(directive, file) };
}

/** `dir` as written (rtl, ltr, auto); rehype-implied-direction adds it where the language implies right to left. */
function passageDirection(directive: Directive, file: VFile): { dir?: string } {
  const written = directive.attributes?.dir ?? undefined;
  if (written === undefined) return {};
  if (['rtl', 'ltr', 'auto'].includes(written)) return { dir: written };
  reportError(file, `\`dir=${written}\` must be rtl, ltr or auto`, directive.position, 'invalid-dir');
  return {};
}

function asWritten(directive: Directive, file: VFile): Text {
  const start = directive.position?.start.offset;
  const end = directive.position?.end.offset;
  const value = start !== undefined && end !== undefined ? String(file.value).slice(start, end) : `:${directive.name}`;
  return { type: 'text', value, position: directive.position };
}
