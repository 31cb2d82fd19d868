// An image alone in a paragraph becomes a figure; its caption is the image title, else its alt text.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** rehype plugin: `<p><img></p>` → `<figure><img><figcaption>`. */
export default function rehypeFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'p') return;
      const content = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
      const image = content.length === 1 && content[0]!.type === 'element' && content[0]!.tagName === 'img' ? content[0] : undefined;
      if (!image) return;
      const caption = String(image.properties.title ?? image.properties.alt ?? '').trim();
      delete image.properties.title;
      const figcaption: Element = { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] };
      node.tagName = 'figure';
      node.children = caption ? [image, figcaption] : [image];
    });
  };
}
