// A passage in a right-to-left language is laid out right to left: `lang` implies `dir`, unless `dir` is written.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { directionOf } from '../../languages/direction.ts';

/** rehype plugin: `dir="rtl"` on every element whose `lang` is right to left and that has no `dir` of its own. */
export default function rehypeImpliedDirection() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const { lang, dir } = node.properties;
      if (typeof lang === 'string' && dir === undefined && directionOf(lang) === 'rtl') node.properties.dir = 'rtl';
    });
  };
}
