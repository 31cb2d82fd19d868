// Short ASCII ids in the print document. Chromium names each PDF destination after the id a link points to,
// percent-encoded and then #-escaped: a 15-character Japanese heading id becomes a name of over 127 bytes, the PDF
// limit (poppler reports a syntax error, PDF/X and PDF/A checkers refuse it).
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** An id that stays one byte a character in a PDF name, short enough whatever Chromium adds. */
const FITS_A_NAME = /^[A-Za-z0-9_.:-]{1,100}$/;

/** rehype-style transform: each other id becomes `zine-id-<n>` (document order), and `#` links to it follow. */
export function rehypeAsciiIds() {
  return (tree: Root) => {
    const renamed = new Map<string, string>();
    visit(tree, 'element', (node) => {
      const id = node.properties.id;
      if (typeof id !== 'string' || FITS_A_NAME.test(id)) return;
      const ascii = renamed.get(id) ?? `zine-id-${renamed.size + 1}`;
      renamed.set(id, ascii);
      node.properties.id = ascii;
    });
    if (renamed.size === 0) return;
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (typeof href !== 'string' || !href.startsWith('#')) return;
      const target = renamed.get(href.slice(1)) ?? renamed.get(decodeFragment(href.slice(1)));
      if (target) node.properties.href = `#${target}`;
    });
  };
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
