// The PostScript Ghostscript reads before the pages to make a PDF/X: the version, the title and the CMYK OutputIntent.

/** zine.yaml's `print.pdfx` values and the version each writes into the PDF. */
export const PDFX_VERSIONS = { x1a: 'PDF/X-1a:2003', x4: 'PDF/X-4' } as const;
export type PdfxLevel = keyof typeof PDFX_VERSIONS;

/** What the OutputIntent says of its profile; Ghostscript's default CMYK profile is a generic coated-paper press. */
export const OUTPUT_CONDITION = 'Generic CMYK (Ghostscript default_cmyk.icc)';

/** A PostScript string that holds any text: UTF-16BE with a byte-order mark, written in hex. */
function postScriptText(text: string): string {
  const units = [0xfeff, ...Array.from(text, (char) => char.codePointAt(0)!).flatMap((code) => (code > 0xffff ? surrogates(code) : [code]))];
  return `<${units.map((unit) => unit.toString(16).padStart(4, '0')).join('')}>`;
}

function surrogates(code: number): number[] {
  const offset = code - 0x10000;
  return [0xd800 + (offset >> 10), 0xdc00 + (offset & 0x3ff)];
}

/** A file path as a PostScript literal string (backslashes and parentheses escaped). */
function postScriptPath(file: string): string {
  return `(${file.replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

/** The pdfmark program: document info, the ICC profile as a stream, and the catalog's OutputIntents. */
export function pdfxDefinition(level: PdfxLevel, title: string, profilePath: string): string {
  return `%!PS
[ /GTS_PDFXVersion (${PDFX_VERSIONS[level]}) /Title ${postScriptText(title)} /Trapped /False /DOCINFO pdfmark
[ /_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[ {icc_PDFX} << /N 4 >> /PUT pdfmark
[ {icc_PDFX} ${postScriptPath(profilePath)} (r) file /PUT pdfmark
[ /_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[ {OutputIntent_PDFX} <<
  /Type /OutputIntent
  /S /GTS_PDFX
  /OutputCondition (${OUTPUT_CONDITION})
  /OutputConditionIdentifier (Custom)
  /RegistryName (http://www.color.org)
  /Info (${OUTPUT_CONDITION})
  /DestOutputProfile {icc_PDFX}
>> /PUT pdfmark
[ {Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`;
}
