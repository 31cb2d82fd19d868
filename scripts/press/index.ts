// The press PDF: the reading PDF made PDF/X by Ghostscript (CMYK, fonts embedded, trim and bleed boxes, an OutputIntent).
import { readdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { MissingToolError, runTool } from '../tools/run-tool.ts';
import { pdfxDefinition, PDFX_VERSIONS, type PdfxLevel } from './pdfx-definition.ts';
import { xmpPacket } from './xmp.ts';

export { PDFX_VERSIONS, OUTPUT_CONDITION, type PdfxLevel } from './pdfx-definition.ts';

/** Where Debian's ghostscript package keeps its ICC profiles (one folder per version). */
const GHOSTSCRIPT_SHARE = '/usr/share/ghostscript';
const PROFILE = 'default_cmyk.icc';
const PURPOSE = 'The press PDF (print.pdfx)';

export interface PressOptions {
  level: PdfxLevel;
  title: string;
  /** CreationDate and ModDate (the build date): with SOURCE_DATE_EPOCH set, Ghostscript writes the same bytes. */
  date: Date;
}

/** Ghostscript's own CMYK profile, from the installed ghostscript package. */
export async function findCmykProfile(): Promise<string> {
  const versions = await readdir(GHOSTSCRIPT_SHARE).catch(() => [] as string[]);
  for (const version of versions.sort().reverse()) {
    const candidate = path.join(GHOSTSCRIPT_SHARE, version, 'iccprofiles', PROFILE);
    if (await readFile(candidate).then(() => true, () => false)) return candidate;
  }
  throw new MissingToolError(`${GHOSTSCRIPT_SHARE}/*/iccprofiles/${PROFILE}`, 'ghostscript', PURPOSE);
}

/**
 * Convert `pdf` to PDF/X: links dropped (PDF/X allows no annotations on the page), every colour converted to CMYK
 * through the profile, fonts embedded, transparency flattened; then the version header and XMP metadata the
 * standard asks for. Ghostscript missing is a MissingToolError naming the Debian package.
 */
export async function pressPdf(pdf: Uint8Array, options: PressOptions): Promise<Uint8Array> {
  const profile = await findCmykProfile();
  const folder = await mkdtemp(path.join(tmpdir(), 'zine-press-'));
  try {
    const input = path.join(folder, 'reading.pdf');
    const definition = path.join(folder, 'pdfx.ps');
    const output = path.join(folder, 'press.pdf');
    await writeFile(input, await withoutAnnotations(pdf));
    await writeFile(definition, pdfxDefinition(options.level, options.title, profile));
    await runTool('gs', ghostscriptArguments(options.level, profile, definition, input, output), {
      debianPackage: 'ghostscript',
      purpose: PURPOSE,
      environment: { SOURCE_DATE_EPOCH: String(Math.floor(options.date.getTime() / 1000)) },
    });
    return finishPdfx(new Uint8Array(await readFile(output)), pdf, options);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** X-1a forbids transparency: PDF 1.3 output makes Ghostscript flatten it (its PDF/X mode flattens for X-4 too). */
function ghostscriptArguments(level: PdfxLevel, profile: string, definition: string, input: string, output: string): string[] {
  return [
    '-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', `--permit-file-read=${profile}`,
    '-sDEVICE=pdfwrite', '-dPDFX=true', `-dCompatibilityLevel=${level === 'x4' ? '1.6' : '1.3'}`,
    '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', `-sOutputICCProfile=${profile}`,
    '-dEmbedAllFonts=true', '-dSubsetFonts=true', '-dAutoRotatePages=/None',
    `-sOutputFile=${output}`, definition, input,
  ];
}

async function withoutAnnotations(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const page of doc.getPages()) page.node.delete(PDFName.of('Annots'));
  return doc.save({ useObjectStreams: false });
}

/**
 * An XMP packet naming the PDF/X version, a file ID from the reading PDF (Ghostscript's own hashes its temporary
 * file name), and the header version the level is built on (X-1a:2003 on PDF 1.4, X-4 on PDF 1.6).
 */
async function finishPdfx(pdf: Uint8Array, reading: Uint8Array, options: PressOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const id = PDFHexString.of(createHash('sha256').update(options.level).update(reading).digest('hex').slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  const xmp = xmpPacket({ version: PDFX_VERSIONS[options.level], title: options.title, date: options.date, producer: doc.getProducer() ?? 'Ghostscript' });
  const metadata = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(metadata));
  const saved = await doc.save({ useObjectStreams: false });
  // pdf-lib always writes %PDF-1.7; the header is eight bytes whatever the version, so no offset moves.
  saved.set(new TextEncoder().encode(`%PDF-${options.level === 'x4' ? '1.6' : '1.4'}`), 0);
  return saved;
}
