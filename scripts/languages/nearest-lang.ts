// The language a node of a hast tree is written in, as its ancestors say.
import type { Element, Root } from 'hast';

/** The nearest `lang` among `ancestors` (outermost first), else `fallback`. */
export function languageOf(ancestors: readonly (Root | Element)[], fallback: string): string {
  const lang = [...ancestors].reverse().find((ancestor): ancestor is Element => ancestor.type === 'element' && typeof ancestor.properties.lang === 'string')?.properties.lang;
  return typeof lang === 'string' ? lang : fallback;
}
