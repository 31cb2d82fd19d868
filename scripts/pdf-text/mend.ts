// The text layer of Chromium's PDF read and mended in one pass over the pages: each page's content is parsed once,
// for its text and its soft-hyphen rewrite, and dropped before the next (a 225-page book's parsed pages held at once
// had the garbage collector take longer than the parsing).
import type { PDFDocument } from 'pdf-lib';
import { clusterGlyphMapper } from './cluster-glyphs.ts';
import { pageParser, pageTextReader, type PageText } from './page-text.ts';
import { softHyphenRewriter } from './soft-hyphens.ts';

/** Each page's text as Chromium printed it (for the missing-text check); the PDF is left with soft hyphens and cluster glyphs mended. */
export function readAndMendTextLayer(pdf: PDFDocument): PageText[] {
  const parse = pageParser();
  const read = pageTextReader(parse);
  const rewrite = softHyphenRewriter(pdf, parse);
  const clusters = clusterGlyphMapper(pdf, parse);
  const texts = pdf.getPages().map((page) => {
    const text = read(page);
    rewrite(page);
    clusters.collect(page);
    return text;
  });
  clusters.finish();
  return texts;
}
