// Hyphenation patterns by language (the `hyphen` package's, Liang's TeX patterns): which language breaks words how.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const HYPHEN_DIR = path.dirname(require.resolve('hyphen/package.json'));

/** The `hyphen` module for a primary language when the bare code names none, or several. */
const DEFAULT_VARIANT: Record<string, string> = { en: 'en-us', de: 'de-1996', el: 'el-monoton', mn: 'mn-cyrl', sr: 'sr-cyrl', sh: 'sh-latn', no: 'nb' };
/**
 * Languages whose books are not hyphenated at a line's end with a hyphen, though patterns exist: the Indic scripts,
 * Thai, Ethiopic, Chinese (its patterns are for pinyin); and scripts of old texts.
 */
const NOT_HYPHENATED = new Set(['as', 'bn', 'gu', 'hi', 'kn', 'ml', 'mr', 'or', 'pa', 'sa', 'ta', 'te', 'th', 'ethi', 'mul-ethi', 'zh', 'cop', 'cu', 'pi']);

export interface Hyphenator {
  hyphenateSync: (text: string, options?: { minWordLength?: number }) => string;
}

const loaded = new Map<string, Hyphenator | undefined>();

/** The hyphenator for `lang` (`de-CH` → de, `en-GB` → en-gb, `sr-Latn` → sh-latn …), or undefined when it has none. */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const module = hyphenationModule(lang);
  if (module === undefined) return undefined;
  if (!loaded.has(module)) loaded.set(module, require(path.join(HYPHEN_DIR, module, 'index.js')) as Hyphenator);
  return loaded.get(module);
}

/** The `hyphen` module name for `lang`, or undefined. */
export function hyphenationModule(lang: string): string | undefined {
  const tag = lang.toLowerCase();
  const primary = tag.split('-')[0]!;
  if (NOT_HYPHENATED.has(primary)) return undefined;
  const candidates = [tag, tag.split('-').slice(0, 2).join('-'), DEFAULT_VARIANT[primary], primary];
  if (primary === 'sr' && /-latn/.test(tag)) candidates.unshift('sh-latn');
  return candidates.find((candidate): candidate is string => candidate !== undefined && /^[a-z0-9-]+$/.test(candidate) && existsSync(path.join(HYPHEN_DIR, candidate, 'index.js')));
}

/** Scripts whose lines break between letters, not only at spaces: justifying them opens no gaps between words. */
const BREAKS_BETWEEN_LETTERS = new Set(['zh', 'ja', 'ko', 'th', 'lo', 'km', 'my', 'bo']);

/**
 * Whether justified lines of `lang` stay even: it is hyphenated (patterns exist), or breaks between letters. Else
 * (Hindi, Arabic, Hebrew, Armenian …) justifying stretches the spaces of lines that cannot break a word: set ragged.
 */
export function justifiesEvenly(lang: string): boolean {
  return hyphenationModule(lang) !== undefined || BREAKS_BETWEEN_LETTERS.has(lang.toLowerCase().split('-')[0]!);
}
