// Which of zine's faces sets a language: each language's font stack, for print, the HTML edition and the cover.
const LATIN = 'Source Serif 4';
const CODE = 'Source Code Pro';
const SIMPLIFIED = 'Noto Serif SC';

/** Faces that lead a language's stack (its own script's face, or its Han glyph forms), by BCP 47 prefix; first match wins. */
const LEADING_FACE: [prefixes: string[], family: string][] = [
  [['zh-hant', 'zh-tw', 'zh-hk', 'zh-mo'], 'Noto Serif TC'],
  [['zh'], SIMPLIFIED],
  [['ja'], 'Noto Serif JP'],
  [['ko'], 'Noto Serif KR'],
  [['ar', 'fa', 'ur', 'ps', 'ckb', 'ug', 'sd', 'ks', 'ku-arab'], 'Noto Naskh Arabic'],
  [['he', 'yi', 'lad'], 'Noto Serif Hebrew'],
  [['hi', 'mr', 'ne', 'sa', 'mai', 'bho', 'kok', 'dgo'], 'Noto Serif Devanagari'],
  [['bn', 'as', 'mni'], 'Noto Serif Bengali'],
  [['ta'], 'Noto Serif Tamil'],
  [['th'], 'Noto Serif Thai'],
  [['ka'], 'Noto Serif Georgian'],
  [['hy'], 'Noto Serif Armenian'],
  [['am', 'ti', 'gez'], 'Noto Sans Ethiopic'],
];

/** After the leading face and the Latin one: every other script's face (each holds only its own script), then symbols. */
const OTHER_SCRIPTS = [
  SIMPLIFIED,
  'Noto Naskh Arabic',
  'Noto Serif Hebrew',
  'Noto Serif Devanagari',
  'Noto Serif Bengali',
  'Noto Serif Tamil',
  'Noto Serif Thai',
  'Noto Serif Georgian',
  'Noto Serif Armenian',
  'Noto Sans Ethiopic',
  'Noto Serif KR',
  'Noto Emoji',
  'Noto Sans Symbols 2',
  'Noto Sans Symbols',
];

/** The face that leads `lang`'s stack, if its script has one of its own. */
export function leadingFace(lang: string): string | undefined {
  const tag = lang.toLowerCase();
  return LEADING_FACE.find(([prefixes]) => prefixes.some((prefix) => tag === prefix || tag.startsWith(`${prefix}-`)))?.[1];
}

/** The families that set text in `lang`, in order: its own face, the Latin face (a theme may choose it), the others. */
export function textStack(lang: string, latin = LATIN): string[] {
  return unique([leadingFace(lang), latin, LATIN, ...OTHER_SCRIPTS]);
}

/** The families that set code in `lang`: the monospaced face, then the language's text stack. */
export function codeStack(lang: string, latin = LATIN): string[] {
  return unique([CODE, ...textStack(lang, latin)]);
}

/** Languages with a rule of their own in the generated CSS: each leading prefix. */
function languagesWithStacks(): string[] {
  return LEADING_FACE.flatMap(([prefixes]) => prefixes);
}

/**
 * The stylesheet that sets every element in its language's stack, written before the templates' own sheets. Every
 * rule is inside :where() (no specificity), so a template's own `font-family` still wins; later rules win ties, so
 * general prefixes come before specific ones (zh before zh-Hant).
 */
export function fontStackCss(latin = LATIN): string {
  const family = (stack: string[]) => `${stack.map((name) => `'${name}'`).join(', ')}, serif`;
  const rules = [
    `:where(html, [lang]) { font-family: ${family(textStack('und', latin))}; }`,
    `:where(code, kbd, samp, pre) { font-family: ${family(codeStack('und', latin))}; }`,
  ];
  for (const lang of [...languagesWithStacks()].reverse()) {
    rules.push(`:where([lang]:lang(${lang})) { font-family: ${family(textStack(lang, latin))}; }`);
    rules.push(`:where([lang]:lang(${lang})) :where(code, kbd, samp, pre) { font-family: ${family(codeStack(lang, latin))}; }`);
  }
  return rules.join('\n');
}

function unique(families: (string | undefined)[]): string[] {
  return [...new Set(families.filter((family): family is string => family !== undefined))];
}
