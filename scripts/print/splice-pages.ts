// Replace a run of pages of Chromium's tagged PDF with the pages of another Chromium PDF (a chapter laid out alone),
// keeping one document: the page tree, the structure tree (Chromium tags each laid-out page as one NonStruct element
// of the Document, so a page's tags are that element), the parent tree, the named destinations.
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';
import type { AnchorPlace } from './paginate.ts';

/** Thrown when a PDF is not laid out as Chromium's are; the caller renders the whole book instead. */
export class UnexpectedPdfShape extends Error {}

/**
 * Put every page of `part` in `base` in place of pages `at` … `at + part.getPageCount() - 1`, with their tags, parent
 * tree entries and destinations; `places` are destinations the part's layout located that Chromium did not name
 * (ids only other chapters link to). Objects no longer reachable are dropped.
 */
export function splicePages(base: PDFDocument, at: number, part: PDFDocument, places: ReadonlyMap<string, AnchorPlace>): void {
  const count = part.getPageCount();
  const old = base.getPages().slice(at, at + count);
  if (old.length !== count) throw new UnexpectedPdfShape(`no pages ${at + 1}–${at + count} to replace`);
  const baseTree = structTree(base);
  const partTree = structTree(part);
  const copier = PDFObjectCopier.for(part.context, base.context);
  // Refs the copy must land on instead of copying what they point to: the part's pages and its tree's top.
  const mapped = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
  const pages = part.getPages();
  const pageRefs = pages.map(() => base.context.nextRef());
  pages.forEach((page, index) => mapped.set(page.ref, pageRefs[index]!));
  mapped.set(partTree.rootRef, baseTree.rootRef);
  mapped.set(partTree.documentRef, baseTree.documentRef);

  const oldRefs = new Set(old.map((page) => page.ref.toString()));
  const oldKeys = new Set(old.flatMap((page) => structKeysOf(base, page)));
  const nums = baseTree.parentTree.asArray();
  const kept: PDFObject[] = [];
  for (let index = 0; index + 1 < nums.length; index += 2) {
    if (!oldKeys.has((nums[index] as PDFNumber).asNumber())) kept.push(nums[index]!, nums[index + 1]!);
  }
  let nextKey = Math.max(-1, ...kept.filter((_, index) => index % 2 === 0).map((key) => (key as PDFNumber).asNumber())) + 1;
  const partNums = numberTree(partTree.parentTree);

  pages.forEach((page, index) => {
    const node = copier.copy(page.node);
    base.context.assign(pageRefs[index]!, node);
    base.insertPage(at + index, PDFPage.of(node as never, pageRefs[index]!, base));
    const renumber = (holder: PDFDict, key: 'StructParents' | 'StructParent') => {
      const original = holder.get(PDFName.of(key));
      if (!(original instanceof PDFNumber)) return;
      const value = partNums.get(original.asNumber());
      if (value === undefined) return;
      kept.push(PDFNumber.of(nextKey), copier.copy(value));
      holder.set(PDFName.of(key), PDFNumber.of(nextKey++));
    };
    renumber(node, 'StructParents');
    for (const annotation of annotationsOf(base, node)) renumber(annotation, 'StructParent');
  });
  removePages(base, at + count, count);
  baseTree.parentTreeDict.set(PDFName.of('Nums'), base.context.obj(kept));
  baseTree.root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(nextKey));

  // The Document's kids: the old pages' elements out, the part's (those of pages it kept) in at the same place.
  const partPageRefs = new Set(pages.map((page) => page.ref.toString()));
  const newKids = partTree.kids.asArray().filter((kid) => partPageRefs.has(pageOfElement(part, kid)?.toString() ?? '')).map((kid) => copier.copy(kid));
  const baseKids = baseTree.kids.asArray();
  const first = baseKids.findIndex((kid) => oldRefs.has(pageOfElement(base, kid)?.toString() ?? ''));
  const rest = baseKids.filter((kid) => !oldRefs.has(pageOfElement(base, kid)?.toString() ?? ''));
  rest.splice(first === -1 ? rest.length : first, 0, ...newKids);
  baseTree.document.set(PDFName.of('K'), base.context.obj(rest));

  spliceDestinations(base, part, copier, oldRefs, pageRefs, places);
  dropUnreachable(base);
}

/** Remove pages `at` … `at + count - 1`. pdf-lib's removePage leaves its page list cache stale (1.17): drop it too. */
export function removePages(pdf: PDFDocument, at: number, count: number): void {
  for (let index = 0; index < count; index++) pdf.removePage(at);
  (pdf as unknown as { pageCache: { invalidate: () => void } }).pageCache.invalidate();
}

interface StructTree {
  root: PDFDict;
  rootRef: PDFRef;
  document: PDFDict;
  documentRef: PDFRef;
  kids: PDFArray;
  parentTreeDict: PDFDict;
  parentTree: PDFArray;
}

function structTree(pdf: PDFDocument): StructTree {
  const rootRef = pdf.catalog.get(PDFName.of('StructTreeRoot'));
  const root = rootRef instanceof PDFRef ? pdf.context.lookup(rootRef) : undefined;
  const documentRef = root instanceof PDFDict ? root.get(PDFName.of('K')) : undefined;
  const document = documentRef instanceof PDFRef ? pdf.context.lookup(documentRef) : undefined;
  const kids = document instanceof PDFDict ? document.lookup(PDFName.of('K')) : undefined;
  const parentTreeDict = root instanceof PDFDict ? root.lookup(PDFName.of('ParentTree')) : undefined;
  const parentTree = parentTreeDict instanceof PDFDict ? parentTreeDict.lookup(PDFName.of('Nums')) : undefined;
  if (!(rootRef instanceof PDFRef) || !(root instanceof PDFDict) || !(documentRef instanceof PDFRef) || !(document instanceof PDFDict)) throw new UnexpectedPdfShape('no structure tree with one Document element');
  if (!(kids instanceof PDFArray) || !(parentTreeDict instanceof PDFDict) || !(parentTree instanceof PDFArray)) throw new UnexpectedPdfShape('no flat parent tree');
  return { root, rootRef, document, documentRef, kids, parentTreeDict, parentTree };
}

function numberTree(nums: PDFArray): Map<number, PDFObject> {
  const entries = new Map<number, PDFObject>();
  const items = nums.asArray();
  for (let index = 0; index + 1 < items.length; index += 2) entries.set((items[index] as PDFNumber).asNumber(), items[index + 1]!);
  return entries;
}

/** The parent tree keys a page and its annotations use. */
function structKeysOf(pdf: PDFDocument, page: PDFPage): number[] {
  const keys = [page.node.get(PDFName.of('StructParents')), ...annotationsOf(pdf, page.node).map((annotation) => annotation.get(PDFName.of('StructParent')))];
  return keys.flatMap((key) => (key instanceof PDFNumber ? [key.asNumber()] : []));
}

function annotationsOf(pdf: PDFDocument, node: PDFDict): PDFDict[] {
  const annotations = node.lookup(PDFName.of('Annots'));
  if (!(annotations instanceof PDFArray)) return [];
  return annotations.asArray().flatMap((item) => {
    const annotation = item instanceof PDFRef ? pdf.context.lookup(item) : item;
    return annotation instanceof PDFDict ? [annotation] : [];
  });
}

/** The page an element's marked content is on: the first /Pg in its subtree. */
function pageOfElement(pdf: PDFDocument, element: PDFObject, depth = 0): PDFRef | undefined {
  const value = element instanceof PDFRef ? pdf.context.lookup(element) : element;
  if (depth > 64) return undefined;
  if (value instanceof PDFDict) {
    const page = value.get(PDFName.of('Pg'));
    if (page instanceof PDFRef) return page;
    const kids = value.get(PDFName.of('K'));
    return kids === undefined ? undefined : pageOfElement(pdf, kids, depth + 1);
  }
  if (value instanceof PDFArray) {
    for (const item of value.asArray()) {
      const page = pageOfElement(pdf, item, depth + 1);
      if (page) return page;
    }
  }
  return undefined;
}

function spliceDestinations(base: PDFDocument, part: PDFDocument, copier: PDFObjectCopier, oldRefs: Set<string>, pageRefs: PDFRef[], places: ReadonlyMap<string, AnchorPlace>) {
  const dests = base.catalog.lookup(PDFName.of('Dests'));
  if (!(dests instanceof PDFDict)) throw new UnexpectedPdfShape('no named destinations');
  for (const [name, value] of dests.entries()) {
    const dest = value instanceof PDFRef ? base.context.lookup(value) : value;
    if (dest instanceof PDFArray && oldRefs.has(dest.get(0).toString())) dests.delete(name);
  }
  // Only destinations on the pages brought over: the part's dropped first pages hold ids of other chapters.
  const kept = new Set(part.getPages().map((page) => page.ref));
  const partDests = part.catalog.lookup(PDFName.of('Dests'));
  if (partDests instanceof PDFDict) {
    for (const [name, value] of partDests.entries()) {
      const dest = value instanceof PDFRef ? part.context.lookup(value) : value;
      if (dest instanceof PDFArray && kept.has(dest.get(0) as PDFRef)) dests.set(name, copier.copy(value));
    }
  }
  for (const [name, place] of places) {
    if (dests.has(PDFName.of(name))) continue;
    const page = base.getPages().find((candidate) => candidate.ref === pageRefs[place.page]);
    if (!page) continue;
    const { x, y, height } = page.getMediaBox();
    dests.set(PDFName.of(name), base.context.obj([page.ref, PDFName.of('XYZ'), PDFNumber.of(x + place.left), PDFNumber.of(y + height - place.top), PDFNumber.of(0)]));
  }
}

/** Delete every indirect object the trailer no longer reaches (the replaced pages, their fonts and tags). */
function dropUnreachable(pdf: PDFDocument) {
  const reached = new Set<string>();
  const visit = (object: PDFObject | undefined) => {
    if (object instanceof PDFRef) {
      if (reached.has(object.toString())) return;
      reached.add(object.toString());
      visit(pdf.context.lookup(object));
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) visit(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) visit(value);
    } else if (object instanceof PDFStream) {
      visit(object.dict);
    }
  };
  const { Root, Info } = pdf.context.trailerInfo;
  visit(Root);
  visit(Info);
  for (const [ref] of pdf.context.enumerateIndirectObjects()) if (!reached.has(ref.toString())) pdf.context.delete(ref);
}
