// Bookmarks from the Book: Chromium's own outline is built from laid-out text (soft hyphens, spaces lost at line ends).
import { PDFArray, PDFDict, PDFHexString, PDFName, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** Element id in the document: Chromium writes a named destination for it. */
  anchor: string;
}

/** Replace the outline with one entry per `entries` item that has a destination; returns how many were written. */
export function writeOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): number {
  removeOutline(pdf);
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const targets = entries.flatMap((entry) => {
    const dest = dests && destination(pdf, dests.get(PDFName.of(entry.anchor)));
    return dest ? [{ title: entry.title, dest }] : [];
  });
  if (targets.length === 0) return 0;
  const root = pdf.context.nextRef();
  const items = targets.map(() => pdf.context.nextRef());
  targets.forEach((target, index) => {
    const item = pdf.context.obj({ Title: PDFHexString.fromText(target.title), Parent: root, Dest: target.dest });
    if (index > 0) item.set(PDFName.of('Prev'), items[index - 1]!);
    if (index < items.length - 1) item.set(PDFName.of('Next'), items[index + 1]!);
    pdf.context.assign(items[index]!, item);
  });
  pdf.context.assign(root, pdf.context.obj({ Type: 'Outlines', First: items[0]!, Last: items[items.length - 1]!, Count: items.length }));
  pdf.catalog.set(PDFName.of('Outlines'), root);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  return targets.length;
}

/** A named destination's explicit array (`[page /XYZ x y z]`), whether stored bare or as `<< /D [...] >>`. */
function destination(pdf: PDFDocument, value: PDFObject | undefined): PDFArray | undefined {
  const resolved = value && pdf.context.lookup(value);
  if (resolved instanceof PDFArray) return resolved;
  if (resolved instanceof PDFDict) return resolved.lookupMaybe(PDFName.of('D'), PDFArray);
  return undefined;
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
