// Writing direction by language: right-to-left languages and scripts, so `lang` alone gives a passage its direction.

/** Languages written right to left in their usual script (BCP 47 primary subtags). */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ji', 'khw', 'ks', 'lrc', 'mzn', 'nqo', 'ps', 'prs', 'sd', 'syr', 'ug', 'ur', 'yi']);
/** Script subtags written right to left (`az-Arab`, `ku-Arab`), and some that make a usually-RTL language LTR. */
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'samr', 'mand']);

export type Direction = 'ltr' | 'rtl';

/** The direction `lang` is written in: its script subtag decides when it has one, else its language. */
export function directionOf(lang: string): Direction {
  const [language = '', ...rest] = lang.toLowerCase().split('-');
  const script = rest.find((subtag) => /^[a-z]{4}$/.test(subtag));
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
