// Read an EPUB back for assertions: its zip entries, and its XHTML, OPF and NCX parsed as XML (so they must be well-formed).
import { strFromU8, unzipSync } from 'fflate';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { visit } from 'unist-util-visit';

export interface OpenedEpub {
  entries: Record<string, Uint8Array>;
  /** Entry names in zip order, from the local file headers. */
  order: string[];
  text(name: string): string;
  xml(name: string): Root;
}

export function openEpub(bytes: Uint8Array): OpenedEpub {
  const entries = unzipSync(bytes);
  const text = (name: string) => {
    const entry = entries[name];
    if (!entry) throw new Error(`no entry ${name} in the EPUB`);
    return strFromU8(entry);
  };
  return { entries, order: localHeaderNames(bytes), text, xml: (name) => fromXml(text(name)) };
}

/** Every element named `name` (e.g. `a`, `dc:rights`) in `tree`, in document order. */
export function elements(tree: Root | Element, name: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (node.name === name) found.push(node);
  });
  return found;
}

/** The element's text content. */
export function textOf(node: Root | Element): string {
  let value = '';
  visit(node, 'text', (text) => {
    value += text.value;
  });
  return value;
}

/** Each element in `tree` with its ancestors, for checks like "inside a `<sup>`". */
export function withAncestors(tree: Root, name: string): { node: Element; ancestors: Element[] }[] {
  const found: { node: Element; ancestors: Element[] }[] = [];
  const walk = (node: Root | Element, ancestors: Element[]) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.name === name) found.push({ node: child, ancestors });
      walk(child, [...ancestors, child]);
    }
  };
  walk(tree, []);
  return found;
}

/** Local file headers in order: name, and whether the entry is stored (method 0) with no extra field. */
export function localHeaders(bytes: Uint8Array): { name: string; method: number; extraLength: number; offset: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headers = [];
  let offset = 0;
  while (offset + 30 <= bytes.length && view.getUint32(offset, true) === 0x04034b50) {
    const method = view.getUint16(offset + 8, true);
    const compressed = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = strFromU8(bytes.subarray(offset + 30, offset + 30 + nameLength));
    headers.push({ name, method, extraLength, offset });
    offset += 30 + nameLength + extraLength + compressed;
  }
  return headers;
}

function localHeaderNames(bytes: Uint8Array): string[] {
  return localHeaders(bytes).map((header) => header.name);
}
