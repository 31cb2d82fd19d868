// Title, authors and language of a Word document, from its docProps/core.xml (Dublin Core).
import { strFromU8, unzipSync } from 'fflate';
import type { Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { visit } from 'unist-util-visit';

export interface DocumentProperties {
  title?: string;
  authors: string[];
  lang?: string;
}

/** The properties the writer program stored; absent or unreadable ones are left out. */
export function documentProperties(docx: Uint8Array): DocumentProperties {
  const core = unzipSync(docx, { filter: (entry) => entry.name === 'docProps/core.xml' })['docProps/core.xml'];
  if (!core) return { authors: [] };
  let root: Root;
  try {
    root = fromXml(strFromU8(core));
  } catch {
    return { authors: [] };
  }
  const values = (name: string) => {
    const found: string[] = [];
    visit(root, 'element', (element) => {
      if (element.name !== name) return;
      found.push(element.children.map((child) => (child.type === 'text' ? child.value : '')).join('').trim());
    });
    return found.filter((value) => value !== '');
  };
  const creators = values('dc:creator').flatMap((value) => value.split(/\s*;\s*/));
  return { title: values('dc:title')[0], authors: creators, lang: values('dc:language')[0] };
}
