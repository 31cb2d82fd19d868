// Word tables as Markdown can hold them: a Markdown table always has a header row, so a table without one gets its first row.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** rehype plugin: in a table with no `<th>`, the cells of the first row become header cells. */
export function rehypeFirstRowHeader() {
  return (tree: Root) => {
    visit(tree, 'element', (table) => {
      if (table.tagName !== 'table') return;
      let hasHeader = false;
      visit(table, 'element', (cell) => {
        if (cell.tagName === 'th') hasHeader = true;
      });
      if (hasHeader) return;
      let firstRow = true;
      visit(table, 'element', (row) => {
        if (row.tagName !== 'tr' || !firstRow) return;
        firstRow = false;
        for (const cell of row.children) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
      });
    });
  };
}
