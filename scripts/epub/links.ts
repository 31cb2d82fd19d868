// Links inside the e-book: a fragment that points into another chapter gets that chapter's file; dead targets are unlinked.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface EpubLinksOptions {
  /** The file this chapter becomes, e.g. `01-introduction.xhtml`. */
  file: string;
  /** Every id in the book (chapter ids, heading ids, notes…) → the file that holds it. */
  targets: ReadonlyMap<string, string>;
  report: (reason: string, src?: string) => void;
}

/** Every `id` in `tree`. */
export function collectIds(tree: Root): string[] {
  const ids: string[] = [];
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string' && node.properties.id !== '') ids.push(node.properties.id);
  });
  return ids;
}

/**
 * rehype plugin: `href="#id"` stays when `id` is in this file, becomes `other.xhtml#id` when it is in another chapter,
 * and is removed (text kept, problem reported) when nothing in the book has that id. Links with a scheme
 * (https:, mailto:…) stay; other relative links point at files the EPUB does not carry, so they are unlinked too.
 */
export function rehypeEpubLinks(options: EpubLinksOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const href = node.properties.href;
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return;
      const target = href.startsWith('#') ? options.targets.get(decodeFragment(href.slice(1))) : undefined;
      if (target === undefined) {
        options.report(`Link \`${href}\` points to nothing in the e-book: its text is kept without the link`, href);
        delete node.properties.href;
      } else if (target !== options.file) {
        node.properties.href = `${target}${href}`;
      }
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
