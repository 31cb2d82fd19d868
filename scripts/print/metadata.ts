// The PDF's document information, language and identity, set with pdf-lib so they are right and reproducible.
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { buildDate } from '../config/build-date.ts';
import type { ZineConfig } from '../config/schema.ts';

export { buildDate };

export interface PdfMetadata {
  title: string;
  authors: string[];
  subject?: string;
  keywords: string[];
  lang: string;
  /** CreationDate and ModDate. */
  date: Date;
  /** Fingerprint of the content, for the trailer `/ID` (Chromium writes a random one). */
  fingerprint: string;
}

/** The metadata of `config`; the date is `SOURCE_DATE_EPOCH` when set (reproducible builds), else now. */
export function pdfMetadata(config: ZineConfig, fingerprint: string, env: NodeJS.ProcessEnv = process.env): PdfMetadata {
  return {
    title: config.title,
    authors: config.authors,
    subject: config.subtitle ?? config.description,
    keywords: config.subjects,
    lang: config.lang,
    date: buildDate(env),
    fingerprint,
  };
}

/** Replace Chromium's document information with ours and give the file a stable identity; structure tags are kept. */
export function applyMetadata(pdf: PDFDocument, metadata: PdfMetadata): void {
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.authors.length > 0) pdf.setAuthor(metadata.authors.join(', '));
  if (metadata.subject) pdf.setSubject(metadata.subject);
  if (metadata.keywords.length > 0) pdf.setKeywords(metadata.keywords);
  pdf.setCreator('zine');
  pdf.setProducer('zine');
  pdf.setCreationDate(metadata.date);
  pdf.setModificationDate(metadata.date);
  pdf.setLanguage(metadata.lang);
  const id = createHash('sha256').update(metadata.fingerprint).digest('hex').slice(0, 32).toUpperCase();
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  pdf.catalog.delete(PDFName.of('Metadata'));
}
