// `zine preflight`: build (or reuse an up-to-date build) and check the print outputs the way a print shop would.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { VFile } from 'vfile';
import { createBuilder } from '../build/index.ts';
import type { OutputName } from '../build/outputs.ts';
import { parseSignatureSheets, planLayout } from '../impose/index.ts';
import { bindingOf } from '../languages/index.ts';
import { loadBook, type Book } from '../manuscript/index.ts';
import { hasErrors, reportError, reportWarning } from '../manuscript/report.ts';
import { BINDING_MARGINS, checkPdf, fontNotEmbedded, type Finding } from './checks.ts';
import { fontsNotEmbedded } from './font-embedding.ts';
import { placeImages, placeText, type ManuscriptPlace } from './places.ts';
import { claimsPdfx, pagesWithRgb } from './press-colour.ts';
import { readPdfFacts } from './read-pdf.ts';

export interface PreflightOptions {
  /** A manuscript folder, or a finished PDF to check on its own. */
  target: string;
  outDir: string;
  browserPath?: string;
  log: (line: string) => void;
}

/** Every file with its findings (a build's own messages included); errors mean the zine is not ready to print. */
export async function runPreflight(options: PreflightOptions): Promise<VFile[]> {
  if (options.target.toLowerCase().endsWith('.pdf')) return preflightPdf(options.target);
  const { book, files } = await loadBook(options.target);
  if (!book || hasErrors(files)) return files;
  const outputs: OutputName[] = book.config.print.pdfx ? ['pdf', 'booklet', 'press'] : ['pdf', 'booklet'];
  const reading = path.join(options.outDir, `${book.slug}.pdf`);
  if (await isUpToDate(reading, book, files)) {
    options.log(`preflight  ${path.relative(process.cwd(), reading)} is newer than the manuscript: checking it as built`);
  } else {
    const builder = createBuilder({ manuscriptDir: options.target, outDir: options.outDir, browserPath: options.browserPath, log: options.log });
    const result = await builder.build(outputs).finally(() => builder.close());
    if (!result.ok) return result.files;
    files.splice(0, files.length, ...result.files);
  }
  const bytes = new Uint8Array(await readFile(reading));
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  await checkReadingPdf(book, files, bytes);
  for (const font of fontsNotEmbedded(doc)) report({ file: files[0]! }, fontNotEmbedded(font));
  reportBookletBlanks(book, files, doc.getPageCount());
  if (book.config.print.pdfx) {
    const press = path.join(options.outDir, `${book.slug}-press.pdf`);
    const pressDoc = await PDFDocument.load(await readFile(press), { updateMetadata: false });
    for (const font of fontsNotEmbedded(pressDoc)) report({ file: files[0]! }, fontNotEmbedded(font));
    reportRgb(files[0]!, pressDoc, path.basename(press));
  }
  return files;
}

/** The reading PDF exists and is newer than zine.yaml, every chapter and every image. */
async function isUpToDate(pdf: string, book: Book, files: VFile[]): Promise<boolean> {
  const built = await stat(pdf).then((info) => info.mtimeMs, () => 0);
  const sources = [...files.map((file) => file.path), ...[...book.images.values()].map((image) => image.path)];
  const times = await Promise.all(sources.map((source) => stat(source).then((info) => info.mtimeMs, () => Infinity)));
  return built > 0 && times.every((time) => time < built);
}

async function checkReadingPdf(book: Book, files: VFile[], pdf: Uint8Array): Promise<void> {
  const facts = await readPdfFacts(pdf);
  const findings = checkPdf(facts, {
    binding: bindingOf(book.config.lang, book.config.booklet.binding),
    bindingMargin: BINDING_MARGINS[book.config.booklet.layout],
    greyscale: book.config.print.tone !== 'colour',
  });
  const images = await placeImages(book, files, facts, async (file) => {
    const { width = 1, height = 1, orientation = 1 } = await sharp(file).metadata();
    return orientation >= 5 ? height / width : width / height;
  });
  for (const finding of findings) {
    const image = finding.image && images.get(finding.image.id);
    const place: ManuscriptPlace = image ?? (finding.text ? placeText(book, files, finding.text) : { file: files[0]! });
    const reason = image?.src ? finding.reason.replace(/^Image/, `Image \`${image.src}\``) : finding.reason;
    report(place, { ...finding, reason }, files);
  }
}

/** Attach `finding` to its file among `files` (the build's copies of the manuscript files, by path), at its place. */
function report({ file, place }: ManuscriptPlace, finding: Finding, files: VFile[] = [file]): void {
  const target = files.find((candidate) => candidate.path === file.path) ?? file;
  (finding.fatal ? reportError : reportWarning)(target, finding.reason, place, finding.rule);
}

/** Blank pages the booklet's layout adds before the back cover: worth knowing before paying for them. */
function reportBookletBlanks(book: Book, files: VFile[], pageCount: number): void {
  const { layout, signatureSheets, binding, perSide } = book.config.booklet;
  const plan = planLayout(layout, pageCount, { binding, perSide, signatureSheets: signatureSheets === undefined ? undefined : parseSignatureSheets(signatureSheets) });
  if (plan.blanks === 0) return;
  const reason = `The ${layout} adds ${plan.blanks} blank page${plan.blanks === 1 ? '' : 's'} before the back cover (the zine has ${pageCount} pages, its sheets hold ${pageCount + plan.blanks})`;
  reportWarning(files[0]!, reason, undefined, 'booklet-blanks');
}

function reportRgb(file: VFile, doc: PDFDocument, name: string): void {
  if (!claimsPdfx(doc)) return;
  const pages = pagesWithRgb(doc);
  if (pages.length > 0) reportError(file, `${name} is a PDF/X but uses RGB colour on page${pages.length === 1 ? '' : 's'} ${pages.join(', ')}: a CMYK press needs CMYK or grey`, undefined, 'rgb-in-pdfx');
}

/** A finished PDF checked without a manuscript: findings have the PDF as their file. */
async function preflightPdf(target: string): Promise<VFile[]> {
  const file = new VFile({ path: target });
  let bytes: Uint8Array;
  let doc: PDFDocument;
  try {
    bytes = new Uint8Array(await readFile(target));
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    reportError(file, `Cannot read the PDF to check: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, undefined, 'unreadable-pdf');
    return [file];
  }
  const findings = checkPdf(await readPdfFacts(bytes), { binding: 'left', bindingMargin: BINDING_MARGINS.booklet, greyscale: false });
  for (const finding of findings) report({ file }, finding);
  for (const font of fontsNotEmbedded(doc)) report({ file }, fontNotEmbedded(font));
  reportRgb(file, doc, path.basename(target));
  return [file];
}
