// The fonts a print document needs, asked for without laying it out: Chromium's own first layout of a whole book as
// one long column, only to learn which font files its text needs, took 3 s of a 225-page book's 14 s (its soft
// hyphens alone 1.3 s), and Paged.js then lays it all out again.
import { faceCoverage, faceHolders } from '../fonts/index.ts';

/** Id of the style that keeps the body from being laid out until Paged.js takes it (paginate.ts removes it). */
export const DEFERRED_LAYOUT_ID = 'zine-deferred-layout';

/** `html` with its body kept from layout until Paged.js runs; undefined when the template has no `</head>` to put that in. */
export function deferLayout(html: string): string | undefined {
  const end = html.search(/<\/head>/i);
  if (end === -1) return undefined;
  return `${html.slice(0, end)}<style id="${DEFERRED_LAYOUT_ID}">body { display: none !important; }</style>${html.slice(end)}`;
}

/** The characters drawn in one style: `font` is its slant and weight (`italic 700`), `families` its font-family. */
export interface TextStyle {
  font: string;
  families: string[];
  chars: string;
}

/** A `document.fonts.load` call: a CSS font (`italic 700 16px "Family"`) and the characters to load it for. */
export interface FontRequest {
  font: string;
  chars: string;
}

/**
 * In the page, its body not yet laid out: the characters of each style, from the text (both cases where
 * text-transform may change them) and from generated content, and how many characters the body has.
 */
export function readTextStyles(): { characters: number; styles: TextStyle[] } {
  const texts = new Map<string, string[]>();
  const keyOf = (style: CSSStyleDeclaration) => `${style.fontStyle} ${style.fontWeight}\n${style.fontFamily}`;
  const add = (style: CSSStyleDeclaration) => {
    const key = keyOf(style);
    const parts = texts.get(key) ?? [];
    texts.set(key, parts);
    return style.textTransform === 'none' ? (text: string) => parts.push(text) : (text: string) => parts.push(text, text.toUpperCase(), text.toLowerCase());
  };
  // A word broken at a soft hyphen shows a hyphen; one broken across pages, Paged.js's non-breaking hyphen.
  const breaks = '\u2010-\u2011';
  const adders = new Map<Element, (text: string) => void>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let characters = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    characters += node.nodeValue!.length;
    let adder = adders.get(parent);
    if (!adder) {
      adders.set(parent, (adder = add(getComputedStyle(parent))));
      adder(breaks);
    }
    adder(node.nodeValue!);
  }
  for (const element of document.body.querySelectorAll('*')) {
    for (const pseudo of ['::before', '::after', '::marker']) {
      const style = getComputedStyle(element, pseudo);
      const content = style.content;
      if (pseudo === '::marker' ? style.display === 'none' || getComputedStyle(element).display !== 'list-item' : content === 'none' || content === 'normal') continue;
      // Its quoted strings as written, and what counters and list markers draw.
      add(style)(`${content}0123456789abcdefghijklmnopqrstuvwxyzivxlcdm.)•◦▪–`);
    }
    // A drop cap or first line in a face of its own: the element's text in it (its first line cannot be known yet).
    const own = keyOf(getComputedStyle(element));
    for (const pseudo of ['::first-letter', '::first-line']) {
      const style = getComputedStyle(element, pseudo);
      if (keyOf(style) !== own) add(style)(pseudo === '::first-letter' ? element.textContent!.trim().slice(0, 4) : element.textContent!);
    }
  }
  const unquote = (name: string) => name.trim().replace(/^(["'])(.*)\1$/, '$2');
  const styles = [...texts].map(([key, parts]) => {
    const [font, families] = key.split('\n') as [string, string];
    return { font, families: families.split(',').map(unquote), chars: [...new Set(parts.join(''))].join('') };
  });
  return { characters, styles };
}

/**
 * The loads that give each character the face Chromium will draw it with. Chromium walks an element's families in
 * order: a family whose faces' unicode-range holds the character is loaded, and used if its file really has the
 * glyph (the cmap), else the walk goes on. Load every family that walk reaches, and nothing else.
 */
export async function fontRequests(styles: readonly TextStyle[]): Promise<FontRequest[]> {
  const [holders, holdsGlyph] = await Promise.all([faceHolders(), faceCoverage()]);
  const wanted = new Map<string, Set<string>>();
  for (const { font, families, chars } of styles) {
    for (const char of chars) {
      if (/\s/.test(char)) continue;
      const point = char.codePointAt(0)!;
      for (const family of families) {
        const holding = holders(family, point);
        if (holding.length === 0) continue;
        const request = `${font} 16px "${holding[0]!.family}"`;
        wanted.set(request, (wanted.get(request) ?? new Set()).add(char));
        if (holding.some((face) => holdsGlyph(face, point))) break;
      }
    }
  }
  return [...wanted].map(([font, chars]) => ({ font, chars: [...chars].join('') }));
}

/** In the page: make each request, and wait for every face to be in. */
export async function loadFonts(requests: FontRequest[]): Promise<void> {
  await Promise.all(requests.map(({ font, chars }) => document.fonts.load(font, chars)));
  await document.fonts.ready;
}
