// Syntax from other dialects that zine recognises but does not render: a warning at its place, naming what to write.
import type { Root } from 'mdast';
import { location } from 'vfile-location';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportWarning } from '../report.ts';

interface Unsupported {
  pattern: RegExp;
  rule: string;
  reason: (match: string) => string;
}

const UNSUPPORTED: Unsupported[] = [
  { pattern: /^\+(?:[-=:]+\+)+\s*$/m, rule: 'unsupported-grid-table', reason: () => 'Pandoc grid tables are not supported: use a pipe table (`| a | b |` with a `|---|---|` row)' },
  { pattern: /\[(?:[^\]]*?[\s;])?-?@[\p{L}\d_][^\]\s;,]*[^\]]*\]/u, rule: 'unsupported-citation', reason: (match) => `Pandoc citations (\`${match}\`) are not supported: write the reference out, or in a footnote` },
  {
    pattern: /\\(?:begin|end)\{[a-z*]+\}|\\(?:newpage|clearpage|pagebreak|noindent|vspace|hspace|textbf|textit|emph|cite|ref|label|section|subsection|chapter|footnote|includegraphics|LaTeX|TeX)\b/,
    rule: 'unsupported-raw-tex',
    reason: (match) => `Raw TeX (\`${match}\`) is not supported outside math (\`$…$\`): it prints as written`,
  },
];

/** remark plugin: warn at each grid table, citation and raw TeX command left in the text (each kind once per text node). */
export default function remarkCheckUnsupported() {
  return (tree: Root, file: VFile) => {
    const place = location(file);
    visit(tree, 'text', (node) => {
      const offset = node.position?.start.offset;
      for (const { pattern, rule, reason } of UNSUPPORTED) {
        const match = pattern.exec(node.value);
        if (!match) continue;
        // The text's offset in the source: exact while no escape or line prefix came between (else its start).
        const at = offset === undefined ? undefined : String(file.value).startsWith(match[0], offset + match.index) ? place.toPoint(offset + match.index) : node.position?.start;
        reportWarning(file, reason(match[0]), at, rule);
      }
    });
  };
}
