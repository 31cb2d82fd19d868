// Read a finished PDF the way a print shop's preflight does (pdf.js): page boxes, where text and images sit, their pixels.
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { getDocument, ImageKind, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Rect } from '../impose/sheet-size.ts';

/** A box in PDF user space: left, bottom, right, top (points). */
export interface Box {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

export interface PlacedText {
  text: string;
  box: Box;
}

export interface PlacedImage {
  /** pdf.js object id: the same image drawn twice has the same id. */
  id: string;
  box: Box;
  pixels: { width: number; height: number };
  /** Any pixel with a visible hue (not a shade of grey). */
  colour: boolean;
}

export interface PdfPageFacts {
  /** 1-based. */
  number: number;
  trim: Box;
  bleed: Box;
  texts: PlacedText[];
  images: PlacedImage[];
}

export interface PdfFacts {
  pages: PdfPageFacts[];
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** Parse `pdf` with pdf-lib (its boxes) and pdf.js (its content), page by page. */
export async function readPdfFacts(pdf: Uint8Array): Promise<PdfFacts> {
  const boxes = (await PDFDocument.load(pdf, { updateMetadata: false })).getPages().map((page) => ({ trim: toBox(page.getTrimBox()), bleed: toBox(page.getBleedBox()) }));
  const document = await getDocument({ data: pdf.slice(), standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`, verbosity: 0 }).promise;
  const pages: PdfPageFacts[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      pages.push({ number, ...boxes[number - 1]!, texts: await readTexts(page), images: await readImages(page) });
    }
  } finally {
    await document.destroy();
  }
  return { pages };
}

function toBox(rect: Rect): Box {
  return { left: rect.x, bottom: rect.y, right: rect.x + rect.width, top: rect.y + rect.height };
}

async function readTexts(page: PDFPageProxy): Promise<PlacedText[]> {
  const content = await page.getTextContent();
  return content.items.flatMap((item) => {
    if (!('str' in item) || item.str.trim() === '') return [];
    const [, , , , x, y] = item.transform as Matrix;
    const height = item.height || Math.hypot(item.transform[2]!, item.transform[3]!);
    return [{ text: item.str, box: { left: x, bottom: y - height * 0.25, right: x + item.width, top: y + height * 0.75 } }];
  });
}

/** Follow the graphics state through the operator list to where each image is painted. */
async function readImages(page: PDFPageProxy): Promise<PlacedImage[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const images: Array<Promise<PlacedImage>> = [];
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  fnArray.forEach((fn, index) => {
    const args = argsArray[index];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(args[0] as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.paintImageXObject) images.push(placeImage(page, args[0] as string, ctm));
  });
  return Promise.all(images);
}

/** `m` then `n`, as PDF composes a `cm` operator with the current matrix. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** An image fills the unit square of the current matrix; its decoded pixels arrive once pdf.js has them. */
async function placeImage(page: PDFPageProxy, id: string, ctm: Matrix): Promise<PlacedImage> {
  const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([u, v]) => [ctm[0] * u! + ctm[2] * v! + ctm[4], ctm[1] * u! + ctm[3] * v! + ctm[5]] as const);
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const objects = id.startsWith('g_') ? page.commonObjs : page.objs;
  const image = await new Promise<DecodedImage>((resolve) => objects.get(id, resolve));
  return {
    id,
    box: { left: Math.min(...xs), bottom: Math.min(...ys), right: Math.max(...xs), top: Math.max(...ys) },
    pixels: { width: image.width, height: image.height },
    colour: hasColour(image),
  };
}

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8ClampedArray;
}

/** Grey pixels have equal red, green and blue (within JPEG noise); any other pixel makes the image colour. */
function hasColour(image: DecodedImage): boolean {
  if (!image.data || image.kind === ImageKind.GRAYSCALE_1BPP) return false;
  const channels = image.kind === ImageKind.RGBA_32BPP ? 4 : 3;
  const step = Math.max(1, Math.floor(image.width * image.height / 200_000)) * channels;
  for (let i = 0; i + 2 < image.data.length; i += step) {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 12) return true;
  }
  return false;
}
