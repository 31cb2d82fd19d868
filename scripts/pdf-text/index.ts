// Reading a PDF's text layer back: what search and copy find on each page, and which glyphs print as boxes.
export { readPdfTextLayer, type PageText } from './page-text.ts';
export { readAndMendTextLayer } from './mend.ts';
