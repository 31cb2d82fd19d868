// What one PDF page draws with, read with pdf-lib: its resource dictionaries, content streams, forms and images.
import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFPage } from 'pdf-lib';

export interface PageResources {
  /** The page's resource dictionary and those of every form XObject it draws, however deep. */
  resources: PDFDict[];
  /** The page's content streams and its forms' streams. */
  streams: PDFStream[];
  images: PDFStream[];
}

/** Everything `page` of `doc` draws with. */
export function pageResources(doc: PDFDocument, page: PDFPage): PageResources {
  const found: PageResources = { resources: [], streams: [], images: [] };
  const contents = page.node.Contents();
  if (contents instanceof PDFStream) found.streams.push(contents);
  if (contents instanceof PDFArray) for (const ref of contents.asArray()) found.streams.push(doc.context.lookup(ref) as PDFStream);
  collect(doc, page.node.Resources(), found, new Set());
  return found;
}

function collect(doc: PDFDocument, resources: PDFDict | undefined, found: PageResources, seen: Set<PDFStream>): void {
  if (!resources) return;
  found.resources.push(resources);
  const xobjects = resources.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return;
  for (const ref of xobjects.values()) {
    const xobject = doc.context.lookup(ref);
    if (!(xobject instanceof PDFStream) || seen.has(xobject)) continue;
    seen.add(xobject);
    const subtype = xobject.dict.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Image')) found.images.push(xobject);
    if (subtype === PDFName.of('Form')) {
      found.streams.push(xobject);
      const inner = xobject.dict.lookup(PDFName.of('Resources'));
      collect(doc, inner instanceof PDFDict ? inner : undefined, found, seen);
    }
  }
}
