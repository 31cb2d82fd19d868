// The second guard, on the printed PDF itself: each page's text layer must hold the text the laid-out page shows.
import type { PageText } from '../pdf-text/index.ts';

/** Characters no comparison counts: spaces, soft and non-breaking hyphens (a break draws a hyphen the text lacks). */
const IGNORED = /[\s\u00ad\u2010\u2011-]/gu;

/** Text missing from a PDF page: which page (1-based), how many characters, and some of them. */
export interface MissingFromPdf {
  page: number;
  characters: number;
  /** The page's laid-out text where the first missing character stands, for the message. */
  excerpt: string;
}

/**
 * In the page, after layout: the text each page shows (content and footnote areas; running heads and page numbers
 * are generated content and appear in the PDF only), math left out.
 */
export function readLaidOutPageTexts(): string[] {
  return [...document.querySelectorAll<HTMLElement>('.pagedjs_page')].map((page) => {
    let text = '';
    const walker = document.createTreeWalker(page.querySelector('.pagedjs_area')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // MathML is left out: the PDF holds its letters as the math italics the browser draws (x as U+1D465).
      if (node.parentElement!.checkVisibility() && !node.parentElement!.closest('math')) text += node.nodeValue ?? '';
    }
    return text;
  });
}

/**
 * The first page whose PDF text lacks `drawable` characters its laid-out text has (compared as multisets: the PDF
 * orders text by drawing, ligatures and all), or null. A machine where Chromium found no font prints pages with no text.
 */
export function findTextMissingFromPdf(laidOut: readonly string[], pdf: readonly PageText[], drawable: (char: string) => boolean): MissingFromPdf | null {
  for (const [index, text] of laidOut.entries()) {
    const available = countCharacters(pdf[index]?.text ?? '');
    let characters = 0;
    let first = -1;
    const chars = [...text.normalize('NFC')];
    for (const [at, char] of chars.entries()) {
      // A character no bundled font has is a box, warned about (missing-glyph) at its place in the manuscript.
      if (char.replace(IGNORED, '') === '' || !drawable(char)) continue;
      const keys = caseFolded(char);
      if (keys.every((key) => (available.get(key) ?? 0) > 0)) for (const key of keys) available.set(key, available.get(key)! - 1);
      else {
        characters++;
        if (first === -1) first = at;
      }
    }
    if (characters > 0) {
      const excerpt = chars.slice(Math.max(0, first - 20), first + 40).join('').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
      return { page: index + 1, characters, excerpt };
    }
  }
  return null;
}

function countCharacters(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text.normalize('NFC').replace(IGNORED, '')) for (const key of caseFolded(char)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** A character as comparison keys without case: CSS `text-transform` (a theme's capitals) changes what the PDF holds, ß to SS. */
function caseFolded(char: string): string[] {
  return [...char.toUpperCase().toLowerCase()];
}

/** The error a render throws when the PDF lacks text the pages showed. */
export function missingFromPdfMessage(missing: MissingFromPdf): string {
  return (
    `The printed PDF lacks text: ${missing.characters} characters of page ${missing.page} are not in its text layer, near "${missing.excerpt}". ` +
    'Chromium drew them with no font (its font configuration offered none). The PDF was not written; run `zine doctor` and report its output.'
  );
}
