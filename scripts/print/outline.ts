// Bookmarks from the Book: Chromium's own outline is built from laid-out text (soft hyphens, spaces lost at line ends).
import { PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';
import type { AnchorPlace } from './paginate.ts';

export interface OutlineEntry {
  title: string;
  /** Where the entry's target landed in the laid-out pages. */
  place: AnchorPlace;
}

/** Replace the outline with a flat list of `entries`, each opening its page at the entry's top. */
export function writeOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): void {
  removeOutline(pdf);
  if (entries.length === 0) return;
  const pages = pdf.getPages();
  const root = pdf.context.nextRef();
  const items = entries.map(() => pdf.context.nextRef());
  entries.forEach((entry, index) => {
    const page = pages[entry.place.page]!;
    const { x, y, height } = page.getMediaBox();
    const dest = pdf.context.obj([page.ref, PDFName.of('XYZ'), PDFNumber.of(x + entry.place.left), PDFNumber.of(y + height - entry.place.top), PDFNull]);
    const item = pdf.context.obj({ Title: PDFHexString.fromText(entry.title), Parent: root, Dest: dest });
    if (index > 0) item.set(PDFName.of('Prev'), items[index - 1]!);
    if (index < items.length - 1) item.set(PDFName.of('Next'), items[index + 1]!);
    pdf.context.assign(items[index]!, item);
  });
  pdf.context.assign(root, pdf.context.obj({ Type: 'Outlines', First: items[0]!, Last: items[items.length - 1]!, Count: items.length }));
  pdf.catalog.set(PDFName.of('Outlines'), root);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function removeOutline(pdf: PDFDocument) {
  const rootRef = pdf.catalog.get(PDFName.of('Outlines'));
  if (!rootRef) return;
  const pending: PDFObject[] = [rootRef];
  while (pending.length > 0) {
    const ref = pending.pop()!;
    const item = pdf.context.lookupMaybe(ref, PDFDict);
    if (!item) continue;
    for (const key of ['First', 'Next']) {
      const next = item.get(PDFName.of(key));
      if (next) pending.push(next);
    }
    if ('objectNumber' in ref) pdf.context.delete(ref as PDFRef);
  }
  pdf.catalog.delete(PDFName.of('Outlines'));
}
