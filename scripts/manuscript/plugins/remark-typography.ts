// Smart typography on text: straight quotes to curly, -- and --- to dashes, ... to an ellipsis.
// Only ASCII marks are touched, so text that already has curly quotes or CJK punctuation stays as written.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

const OPENING_CONTEXT = /[\s([{\u2014\u2013-]/;

/** Replace ASCII quotes, dashes and dots in one string; `before` is the character preceding it in the paragraph. */
export function smartenText(text: string, before = ''): string {
  let result = '';
  let previous = before;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    let output = char;
    if (char === '"') output = isOpening(previous) ? '\u201c' : '\u201d';
    else if (char === "'") output = isOpening(previous) ? '\u2018' : '\u2019';
    else if (text.startsWith('---', index)) [output, index] = ['\u2014', index + 2];
    else if (text.startsWith('--', index)) [output, index] = ['\u2013', index + 1];
    else if (text.startsWith('...', index)) [output, index] = ['\u2026', index + 2];
    result += output;
    previous = output;
  }
  return result;
}

function isOpening(previous: string): boolean {
  return previous === '' || OPENING_CONTEXT.test(previous);
}

/** remark plugin: smart typography in text nodes (never in code). */
export default function remarkTypography() {
  return (tree: Root) => {
    let before = '';
    visit(tree, (node) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') before = '';
      if (node.type === 'text') {
        node.value = smartenText(node.value, before);
        before = node.value.slice(-1);
      } else if (node.type === 'inlineCode') before = 'x';
    });
  };
}
