// TeX math (`$…$`, `$$…$$`, ```math) typeset as MathML with Temml: one tree every output renders natively.
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import temml from 'temml';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportError } from '../report.ts';

declare module 'vfile' {
  interface DataMap {
    /** Whether the chapter holds MathML (an EPUB chapter says so in its manifest item). */
    math: boolean;
  }
}

/**
 * rehype plugin, after sanitising (its MathML is generated, never written by hand): `code.language-math` (inline, or
 * display inside `pre`) becomes `<math>`. A TeX error is reported at its place and the source is shown as code.
 */
export default function rehypeMathml() {
  return (tree: Root, file: VFile) => {
    file.data.math = false;
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined || !isMath(node)) return;
      const display = parent.type === 'element' && parent.tagName === 'pre';
      const tex = toString(node);
      const math = typeset(tex, display, file, node.position?.start);
      if (!math) return;
      file.data.math = true;
      if (display && parent.type === 'element') {
        // `<pre><code>` of display math becomes a `<div class="math-display">` holding the `<math display="block">`.
        parent.tagName = 'div';
        parent.properties = { className: ['math-display'] };
      }
      parent.children.splice(index, 1, math);
    });
  };
}

function isMath(node: Element): boolean {
  return node.tagName === 'code' && Array.isArray(node.properties.className) && node.properties.className.includes('language-math');
}

function typeset(tex: string, display: boolean, file: VFile, start: Point | undefined): ElementContent | undefined {
  try {
    const mathml = temml.renderToString(tex, { displayMode: display, throwOnError: true, annotate: true, xml: true });
    const math = fromHtml(mathml, { fragment: true }).children[0] as Element;
    delete math.properties.style;
    return math;
  } catch (error) {
    const { message, position } = error as Error & { position?: number };
    const reason = message.replace(/^\s*ParseError:?\s*/, '').replace(/ at position \d+:[\s\S]*$|(?<=at end of input):[\s\S]*$/, '').trim();
    // An inline formula sits on one line after its `$`: the error's column is exact there.
    const place = start && position !== undefined && !display && !tex.slice(0, position).includes('\n') ? { line: start.line, column: start.column + 1 + position } : start;
    reportError(file, `TeX error in math \`${tex.trim()}\`: ${reason}`, place, 'math-syntax');
    return undefined;
  }
}
