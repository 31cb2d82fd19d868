// What two PDFs of one book must share, read with pdf-lib and pdf.js: pages and their text, named destinations and
// the page each opens, each page's links and where they lead, the outline, and the structure tree page by page.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { readPdfText } from '../pdf-text.ts';

export interface PdfStructure {
  /** Each page's text, whitespace and soft hyphens dropped. */
  text: string[];
  /** Destination name → 0-based page. */
  destinations: Record<string, number>;
  /** Each page's links: `#name→page` for a destination, the URI for an outside link. */
  links: string[][];
  /** Outline entries as `title@page`. */
  outline: string[];
  /** The Document element's kids, as the page each one's marked content is on. */
  tagPages: number[];
  /** Parent tree entries that each page's content and its annotations find. */
  tagEntries: number[];
}

export async function pdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = pdf.getPages();
  const pageIndex = new Map(pages.map((page, index) => [page.ref, index]));
  const resolve = (object: PDFObject | undefined) => (object instanceof PDFRef ? pdf.context.lookup(object) : object);
  const pageOfDest = (dest: PDFObject | undefined) => {
    const array = resolve(dest);
    return array instanceof PDFArray ? pageIndex.get(array.get(0) as PDFRef) : undefined;
  };
  const dests = pdf.catalog.lookup(PDFName.of('Dests'), PDFDict);
  const destinations = Object.fromEntries(dests.entries().map(([name, dest]) => [name.decodeText(), pageOfDest(dest) ?? -1]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  const nameOf = (object: PDFObject | undefined) => (object instanceof PDFName ? object.decodeText() : object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined);
  const annotations = (node: PDFDict) => {
    const list = node.lookup(PDFName.of('Annots'));
    return list instanceof PDFArray ? list.asArray().map((item) => resolve(item) as PDFDict) : [];
  };
  const links = pages.map((page) =>
    annotations(page.node).flatMap((annotation) => {
      const dest = nameOf(annotation.get(PDFName.of('Dest')));
      if (dest !== undefined) return [`#${dest}→${destinations[dest] ?? 'nowhere'}`];
      const action = resolve(annotation.get(PDFName.of('A')));
      return action instanceof PDFDict ? [String(nameOf(action.get(PDFName.of('URI'))) ?? action.get(PDFName.of('URI')))] : [];
    }),
  );
  const outline: string[] = [];
  let item = resolve(resolve(pdf.catalog.get(PDFName.of('Outlines'))) instanceof PDFDict ? (resolve(pdf.catalog.get(PDFName.of('Outlines'))) as PDFDict).get(PDFName.of('First')) : undefined);
  while (item instanceof PDFDict) {
    outline.push(`${nameOf(item.get(PDFName.of('Title')))}@${pageOfDest(item.get(PDFName.of('Dest')))}`);
    item = resolve(item.get(PDFName.of('Next')));
  }
  const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const kids = root.lookup(PDFName.of('K'), PDFDict).lookup(PDFName.of('K'), PDFArray).asArray();
  const firstPage = (object: PDFObject | undefined, depth = 0): number | undefined => {
    const value = resolve(object);
    if (depth > 64) return undefined;
    if (value instanceof PDFDict) return value.get(PDFName.of('Pg')) ? pageIndex.get(value.get(PDFName.of('Pg')) as PDFRef) : firstPage(value.get(PDFName.of('K')), depth + 1);
    if (value instanceof PDFArray) for (const child of value.asArray()) {
      const found = firstPage(child, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
  const keys = new Set(nums.filter((_, index) => index % 2 === 0).map((key) => (key as PDFNumber).asNumber()));
  const tagEntries = pages.map((page) =>
    [page.node.get(PDFName.of('StructParents')), ...annotations(page.node).map((annotation) => annotation.get(PDFName.of('StructParent')))].filter((key) => key instanceof PDFNumber && keys.has(key.asNumber())).length,
  );
  const text = (await readPdfText(bytes)).map((page) => page.items.map((entry) => entry.text).join('').replace(/[\s\u00ad]/g, ''));
  return { text, destinations, links, outline, tagPages: kids.map((kid) => firstPage(kid) ?? -1), tagEntries };
}
