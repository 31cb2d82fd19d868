// Footnote diagnostics: a call with no definition, a definition never called, a note inside a note.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportError, reportWarning } from '../report.ts';

const LITERAL_CALL = /\[\^([^\]\s]+)\]/g;

/** remark plugin: report footnote problems (GFM leaves an undefined `[^x]` as literal text). */
export default function remarkCheckFootnotes() {
  return (tree: Root, file: VFile) => {
    const called = new Set<string>();
    visit(tree, 'footnoteReference', (node) => void called.add(node.identifier));
    visit(tree, 'text', (node) => {
      for (const match of node.value.matchAll(LITERAL_CALL)) {
        const start = node.position?.start;
        const place = start && !node.value.slice(0, match.index).includes('\n') ? { line: start.line, column: start.column + match.index } : start;
        reportError(file, `Footnote \`[^${match[1]}]\` is called but never defined: add \`[^${match[1]}]: …\``, place, 'undefined-footnote');
      }
    });
    const defined = new Set<string>();
    visit(tree, 'footnoteDefinition', (definition) => {
      if (defined.has(definition.identifier))
        reportWarning(file, `Footnote \`[^${definition.label ?? definition.identifier}]\` is defined twice: the first definition is used`, definition.position, 'duplicate-footnote');
      defined.add(definition.identifier);
      if (!called.has(definition.identifier))
        reportWarning(file, `Footnote \`[^${definition.label ?? definition.identifier}]\` is defined but never called`, definition.position, 'unused-footnote');
      visit(definition, 'footnoteReference', (inner, index, parent) => {
        reportWarning(file, `Footnote \`[^${inner.label ?? inner.identifier}]\` is called inside another footnote: notes cannot nest, so the call is shown as text`, inner.position, 'nested-footnote');
        parent?.children.splice(index!, 1, { type: 'text', value: `[^${inner.label ?? inner.identifier}]` });
      });
    });
  };
}
