import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { readPdfTextLayer } from '../scripts/pdf-text/index.ts';
const t0 = performance.now();
const pdf = await PDFDocument.load(readFileSync(process.argv[2]!));
const t1 = performance.now();
const pages = readPdfTextLayer(pdf);
console.log(Math.round(t1 - t0), Math.round(performance.now() - t1), 'ms', pages.length, pages.reduce((n, p) => n + p.text.length, 0), pages.reduce((n, p) => n + p.notdef, 0));
console.log(pages[2]!.text.slice(0, 300));
