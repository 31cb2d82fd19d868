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

/** An ASCII XML name: what every reading system and EPUBCheck accept as an id and a fragment. */
const XML_ID = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/**
 * XHTML ids must be XML names: a GitHub slug may start with a digit (`1-scope`) or hold other scripts (`中文`).
 * Such ids become `id-1-scope` or `id-<n>` in every chapter of the e-book, and `#` links follow them.
 */
export function xmlSafeIds(trees: readonly Root[]) {
  const ids = new Set(trees.flatMap(collectIds));
  const renamed = new Map<string, string>();
  for (const id of ids) {
    if (XML_ID.test(id)) continue;
    let safe = /^[A-Za-z0-9._-]+$/.test(id) ? `id-${id}` : `id-${renamed.size + 1}`;
    for (let count = 2; ids.has(safe); count++) safe = `id-${renamed.size + 1}-${count}`;
    ids.add(safe);
    renamed.set(id, safe);
  }
  if (renamed.size === 0) return;
  for (const tree of trees) {
    visit(tree, 'element', (node) => {
      const { id, href } = node.properties;
      if (typeof id === 'string' && renamed.has(id)) node.properties.id = renamed.get(id);
      if (typeof href === 'string' && href.startsWith('#')) node.properties.href = `#${renamed.get(decodeFragment(href.slice(1))) ?? href.slice(1)}`;
    });
  }
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
