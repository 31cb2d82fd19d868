// Which writing system a character belongs to, by Unicode's Script property: for messages and per-script choices.

/** Scripts zine names, most specific first; emoji before Common, which holds most of them. */
const SCRIPTS: [string, RegExp][] = [
  ['emoji', /\p{Extended_Pictographic}/u],
  ...['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya',
    'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer', 'Ethiopic', 'Cherokee', 'Mongolian', 'Hangul',
    'Hiragana', 'Katakana', 'Han', 'Yi', 'Tifinagh', 'Canadian_Aboriginal', 'Ogham', 'Runic', 'Braille']
    .map((name): [string, RegExp] => [name.replace(/_/g, ' '), new RegExp(`\\p{Script=${name}}`, 'u')]),
  ['math symbol', /\p{Sm}/u],
  ['symbol', /\p{S}/u],
  ['punctuation', /\p{P}/u],
];

/** The script of `char` ("Hangul", "Arabic", "emoji", "symbol" …), or "other". */
export function scriptOf(char: string): string {
  return SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'other';
}
