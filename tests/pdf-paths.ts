// Paths drawn directly on a PDF page, read back with pdfjs-dist for tests: what each path does, its box, its dash.
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf } from './pdf-text.ts';

export interface PdfPath {
  kind: 'stroke' | 'clip' | 'other';
  /** Bounding box of the path in user space (only meaningful for paths outside form XObjects). */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** The dash array in force when the path was painted; empty for a solid line. */
  dash: number[];
}

/** Every path on page `pageNumber` (1-based), in drawing order. Relies on pdfjs 5's `constructPath` arguments. */
export async function readPdfPaths(pdf: Uint8Array, pageNumber = 1): Promise<PdfPath[]> {
  const document = await openPdf(pdf);
  const { fnArray, argsArray } = await (await document.getPage(pageNumber)).getOperatorList();
  const paths: PdfPath[] = [];
  const saved: number[][] = [];
  let dash: number[] = [];
  let clipping = false;
  fnArray.forEach((fn, index) => {
    const args = argsArray[index];
    if (fn === OPS.save) saved.push(dash);
    else if (fn === OPS.restore) dash = saved.pop() ?? [];
    else if (fn === OPS.setDash) dash = [...args[0]];
    else if (fn === OPS.clip || fn === OPS.eoClip) clipping = true;
    else if (fn === OPS.constructPath) {
      const [paintOp, , box] = args as [number, unknown, ArrayLike<number>];
      const kind = paintOp === OPS.stroke ? 'stroke' : clipping ? 'clip' : 'other';
      paths.push({ kind, minX: box[0]!, minY: box[1]!, maxX: box[2]!, maxY: box[3]!, dash });
      clipping = false;
    }
  });
  await document.destroy();
  return paths;
}
