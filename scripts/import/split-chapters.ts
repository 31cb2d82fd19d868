// One mdast per chapter: the document split at its top heading level, each chapter with the notes it cites.
import type { FootnoteDefinition, Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export interface SplitChapter {
  title: string;
  tree: Root;
}

/**
 * Split `tree` before each heading of the shallowest depth it uses, which becomes `#`; deeper headings move up
 * with it. Text before the first heading becomes a chapter headed `fallbackTitle`. Notes go to the chapter that cites them.
 */
export function splitChapters(tree: Root, fallbackTitle: string): SplitChapter[] {
  const definitions = new Map<string, FootnoteDefinition>();
  const body: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node);
    else body.push(node);
  }
  const headings = body.filter((node): node is Heading => node.type === 'heading');
  const top = Math.min(...headings.map((heading) => heading.depth), 7);
  for (const heading of headings) heading.depth = Math.max(1, heading.depth - (top - 1)) as Heading['depth'];
  const groups: RootContent[][] = [];
  for (const node of body) {
    if ((node.type === 'heading' && node.depth === 1) || groups.length === 0) groups.push([]);
    groups.at(-1)!.push(node);
  }
  return groups
    .filter((group) => group.some((node) => toString(node).trim() !== '' || node.type !== 'paragraph'))
    .map((group) => {
      const first = group[0]!;
      const heading: Heading = first.type === 'heading' && first.depth === 1 ? first : { type: 'heading', depth: 1, children: [{ type: 'text', value: fallbackTitle }] };
      const children = heading === first ? group : [heading, ...group];
      const cited: FootnoteDefinition[] = [];
      visit({ type: 'root', children } as Root, 'footnoteReference', (reference) => {
        const definition = definitions.get(reference.identifier);
        if (definition && !cited.includes(definition)) cited.push(definition);
      });
      return { title: toString(heading), tree: { type: 'root', children: [...children, ...cited] } };
    });
}
