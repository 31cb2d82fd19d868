// Chapter trees as XHTML: attributes HTML tolerates but XHTML 5 rejects are fixed, then the tree is written as XML.
import type { Root } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { visit } from 'unist-util-visit';
import type { Root as XastRoot, RootContent as XastContent } from 'xast';
import { toXml } from 'xast-util-to-xml';

/** HTML's void elements: written `<img … />`; every other element gets an end tag, even when empty. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** rehype plugin: obsolete `align` becomes `text-align`, `lang` gains its `xml:lang` twin, `data-*` go. */
export function rehypeXhtmlCompat() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const { properties } = node;
      if (typeof properties.align === 'string') {
        properties.style = `text-align: ${properties.align};${properties.style ? ` ${String(properties.style)}` : ''}`;
        delete properties.align;
      }
      if (typeof properties.lang === 'string') properties.xmlLang = properties.lang;
      for (const key of Object.keys(properties)) if (/^data[A-Z]/.test(key)) delete properties[key];
    });
  };
}

/**
 * Serialise a chapter body as an XHTML fragment, to sit inside a template's `<body>` (whose `<html>` declares the
 * XHTML and `epub:` namespaces, so top-level elements carry no `xmlns` of their own).
 */
export function toXhtmlFragment(tree: Root): string {
  const xast = toXast(tree) as XastRoot;
  for (const child of xast.children) if (child.type === 'element') delete child.attributes.xmlns;
  selfCloseVoidElements(xast);
  return toXml(xast, { allowDangerousXml: true });
}

/** xast-util-to-xml self-closes every empty element or none: serialise the void ones alone, self-closed. */
function selfCloseVoidElements(tree: XastRoot) {
  const replace = (children: XastContent[]) => {
    children.forEach((child, index) => {
      if (child.type !== 'element') return;
      if (VOID_ELEMENTS.has(child.name) && child.children.length === 0) children[index] = { type: 'raw', value: toXml(child, { closeEmptyElements: true }) };
      else replace(child.children as XastContent[]);
    });
  };
  replace(tree.children);
}
