// Reading the source PDF and writing imposed PDFs reproducibly: fixed dates and producer, the source's metadata.
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { ImposeError } from './impose-error.ts';

/** Options every imposition accepts. */
export interface ReproducibleOptions {
  /** CreationDate and ModDate of the output. Default: the source's ModDate, else its CreationDate, else 1970-01-01. */
  date?: Date;
}

export const PRODUCER = 'zine impose (pdf-lib)';

/** Parse the PDF to impose (one already parsed is used as it is); an unreadable or encrypted file becomes an ImposeError. */
export async function loadSourcePdf(pdf: Uint8Array | PDFDocument): Promise<PDFDocument> {
  if (pdf instanceof PDFDocument) return pdf;
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new ImposeError(`Cannot read the PDF to impose: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An empty document carrying the source's title, author, subject, keywords and language. */
export async function createImposedPdf(source: PDFDocument): Promise<PDFDocument> {
  const imposed = await PDFDocument.create({ updateMetadata: false });
  copyMetadata(source, imposed);
  return imposed;
}

function copyMetadata(source: PDFDocument, target: PDFDocument): void {
  const title = source.getTitle();
  const author = source.getAuthor();
  const subject = source.getSubject();
  const keywords = source.getKeywords();
  const language = readLanguage(source);
  if (title !== undefined) target.setTitle(title);
  if (author !== undefined) target.setAuthor(author);
  if (subject !== undefined) target.setSubject(subject);
  if (keywords !== undefined) target.setKeywords([keywords]);
  if (language !== undefined) target.setLanguage(language);
}

/** The document language (/Lang in the catalog), if the source declares one. */
export function readLanguage(doc: PDFDocument): string | undefined {
  const lang = doc.catalog.lookup(PDFName.of('Lang'));
  return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
}

/**
 * Serialise with everything pdf-lib would otherwise vary fixed: dates from `options.date` (or the source's),
 * the producer, and no object streams (plain cross-reference tables, which every print RIP reads).
 */
export async function saveReproducibly(
  doc: PDFDocument,
  source: PDFDocument,
  options: ReproducibleOptions,
): Promise<Uint8Array> {
  const date = options.date ?? source.getModificationDate() ?? source.getCreationDate() ?? new Date(0);
  if (Number.isNaN(date.getTime())) throw new ImposeError('The date option is not a valid date.');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setProducer(PRODUCER);
  doc.setCreator(source.getCreator() ?? 'zine');
  return doc.save({ useObjectStreams: false });
}
