// An image alone in a paragraph becomes a figure; its caption is the image title, else its alt text. A raw HTML figure
// gets the one caption, first or last, that HTML (and so EPUBCheck) allows. Alt text the caption repeats is emptied.
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** rehype plugin: `<p><img></p>` → `<figure><img><figcaption>`. */
export default function rehypeFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'figure') return placeCaption(node);
      if (node.tagName !== 'p') return;
      const content = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
      const image = content.length === 1 && content[0]!.type === 'element' && content[0]!.tagName === 'img' ? content[0] : undefined;
      if (!image) return;
      const caption = String(image.properties.title ?? image.properties.alt ?? '').trim();
      delete image.properties.title;
      unrepeatAlt(image, caption);
      const figcaption: Element = { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] };
      node.tagName = 'figure';
      node.children = caption ? [image, figcaption] : [image];
    });
  };
}

/**
 * `<figure>…<figcaption>…</figcaption><br><br></figure>`, as READMEs write it, is invalid XHTML: line breaks and blank
 * text after the caption go, a caption in the middle moves to the end, a second caption becomes a plain block.
 */
function placeCaption(figure: Element) {
  const captions = figure.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
  for (const extra of captions.slice(1)) extra.tagName = 'div';
  const caption = captions[0];
  if (!caption) return;
  for (const image of figure.children) if (image.type === 'element' && image.tagName === 'img') unrepeatAlt(image, toString(caption).trim());
  const isFiller = (child: Element['children'][number]) => (child.type === 'text' && child.value.trim() === '') || (child.type === 'element' && child.tagName === 'br');
  while (figure.children.length > 0 && figure.children.at(-1) !== caption && isFiller(figure.children.at(-1)!)) figure.children.pop();
  const index = figure.children.indexOf(caption);
  const before = figure.children.slice(0, index);
  if (index === figure.children.length - 1 || before.every(isFiller)) return;
  figure.children.splice(index, 1);
  figure.children.push(caption);
}

/**
 * A screen reader reads a figure's alt text and then its caption: when they are the same words, the alt is emptied so
 * they are read once, the caption naming the figure (DAISY's guidance; Pandoc does the same).
 */
function unrepeatAlt(image: Element, caption: string) {
  if (caption !== '' && String(image.properties.alt ?? '').trim() === caption) image.properties.alt = '';
}
