// Advice on a booklet's signatures, before it is printed: one signature too thick to fold, or signatures padded with blanks.
import { chooseSignatureSheets, type SignatureSheets } from './booklet-order.ts';

/** Above this many sheets folded together a saddle-stitched booklet no longer folds flat or stays stapled. */
export const MAX_ONE_SIGNATURE_SHEETS = 16;

export interface SignatureHint {
  message: string;
  ruleId: 'booklet-one-signature' | 'booklet-blank-pages';
}

/** What to tell the maker of a `pageCount`-page booklet with `signatureSheets` (as zine.yaml's `booklet.signatureSheets`). */
export function signatureHint(pageCount: number, signatureSheets: SignatureSheets | undefined): SignatureHint | undefined {
  if (signatureSheets === undefined) {
    const sheets = Math.ceil(pageCount / 4);
    if (sheets <= MAX_ONE_SIGNATURE_SHEETS) return undefined;
    return {
      message: `The booklet is one signature of ${sheets} sheets (${pageCount} pages) folded together: above ${MAX_ONE_SIGNATURE_SHEETS} it will not fold flat. Set \`booklet.signatureSheets: 4-8\` to print it in signatures to sew or glue`,
      ruleId: 'booklet-one-signature',
    };
  }
  if (typeof signatureSheets === 'number') return undefined; // the last signature is shorter: at most 3 blank pages
  const sheets = chooseSignatureSheets(pageCount, signatureSheets);
  const blanks = Math.ceil(pageCount / (4 * sheets)) * 4 * sheets - pageCount;
  if (blanks < 4) return undefined;
  return {
    message: `\`booklet.signatureSheets: ${signatureSheets.min}-${signatureSheets.max}\` adds ${blanks} blank pages to ${pageCount} (signatures of ${sheets} sheets): a wider range, or one number (the last signature then holds what is left), wastes fewer`,
    ruleId: 'booklet-blank-pages',
  };
}
