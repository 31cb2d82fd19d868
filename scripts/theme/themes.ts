// The bundled themes: their names, and the print settings each one changes (zine.yaml's own values still win).
export const THEME_NAMES = ['default', 'large-print', 'pocket', 'cutpaste'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

type PrintDefaults = Record<string, unknown> & { margins?: Record<string, string> };

/** Print settings per theme, laid under the manuscript's `print:` before validation; the rest of each look is CSS in templates/themes/. */
const THEME_PRINT_DEFAULTS: Record<ThemeName, PrintDefaults> = {
  default: {},
  // Large print guidance (RNIB, APH): 14 pt or more, generous leading, ragged right, no hyphenation.
  'large-print': { fontSize: '14pt', lineHeight: 1.5, hyphenate: false },
  // A6 pocket copies: small type, tight margins, so a text fits on few sheets.
  pocket: { page: 'A6', fontSize: '8.5pt', lineHeight: 1.3, margins: { top: '9mm', bottom: '11mm', inner: '10mm', outer: '7mm' } },
  // Cut-and-paste zines go through photocopiers: images prepared for the copier.
  cutpaste: { tone: 'photocopy', lineHeight: 1.35 },
};

/** Faces a theme sets Latin-script text in, ahead of every language's stack (languages/font-stacks.ts). */
const THEME_TEXT_FACES: Partial<Record<ThemeName, string>> = { 'large-print': 'Atkinson Hyperlegible' };

/** The face `theme` sets Latin-script text in, when it has one of its own. */
export function themeTextFace(theme: string): string | undefined {
  return THEME_TEXT_FACES[theme as ThemeName];
}

/** `data` (parsed zine.yaml) with its theme's print settings under its own; anything malformed is left for the schema to report. */
export function withThemeDefaults(data: unknown): unknown {
  if (!isRecord(data) || typeof data.theme !== 'string' || !(THEME_NAMES as readonly string[]).includes(data.theme)) return data;
  const defaults = THEME_PRINT_DEFAULTS[data.theme as ThemeName];
  const print = data.print ?? {};
  if (Object.keys(defaults).length === 0 || !isRecord(print)) return data;
  const margins = print.margins ?? {};
  if (!isRecord(margins)) return data;
  const mergedMargins = defaults.margins || print.margins ? { margins: { ...defaults.margins, ...margins } } : {};
  return { ...data, print: { ...defaults, ...print, ...mergedMargins } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
