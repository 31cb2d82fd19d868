// Pandoc/kramdown attributes `{#id .class key=value}`: parsed, and made safe to pass the sanitiser.
import type { Properties } from 'hast';

const TOKEN = /([#.])([\w:-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;

/** The inside of `{…}` (a leading kramdown `:` is allowed) as the properties the pipeline carries (see `carriedProperties`). */
export function parseAttributes(source: string): Properties {
  return carriedProperties(readAttributes(source));
}

/** The inside of `{…}` as written: `id`, `class` (a list) and each `key=value`, in remark-attributes' form. */
export function readAttributes(source: string): Properties {
  const written: Properties = { class: [] };
  for (const match of source.replace(/^\s*:/, '').matchAll(TOKEN)) {
    if (match[1] === '#') written.id = match[2]!;
    else if (match[1] === '.') (written.class as string[]).push(match[2]!);
    else written[match[3]!] = match[4] ?? match[5] ?? match[6]!;
  }
  return written;
}

/**
 * `key=value` pairs as hast properties that survive sanitising and cannot script: `lang` and `dir` stay, any other
 * key becomes `data-key` (so `onclick=…` or `style=…` never reach an output).
 */
export function safePairs(pairs: Record<string, unknown>): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [key, value] of Object.entries(pairs)) {
    if (!/^[a-z][\w-]*$/i.test(key) || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const name = key.toLowerCase();
    safe[name === 'lang' || name === 'dir' || name.startsWith('data-') ? name : `data-${name}`] = String(value);
  }
  return safe;
}

/**
 * remark-attributes' hast properties (`id`, `class`, any key) in the form the pipeline carries: classes as
 * `className`, the id as `dataZineId` (set as `id` after sanitising, which would prefix it), other keys through `safePairs`.
 */
export function carriedProperties(written: Properties): Properties {
  const { id, class: classes, className, ...rest } = written;
  const classNames = [classes, className].flat().filter((name): name is string => typeof name === 'string');
  return { ...safePairs(rest), ...(classNames.length > 0 ? { className: classNames } : {}), ...(typeof id === 'string' ? { dataZineId: id } : {}) };
}
