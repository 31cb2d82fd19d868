// The README's table of zine.yaml keys, generated from the schema so documentation and validation never disagree.
import { z } from 'zod';
import { configSchema } from './schema.ts';

interface KeyRow {
  key: string;
  type: string;
  fallback: string;
  description: string;
}

const REQUIRED = '**required**';
type AnySchema = z.core.$ZodType & { description?: string };
type Definition = { type: string; innerType?: AnySchema; defaultValue?: unknown; entries?: Record<string, string>; options?: AnySchema[]; element?: AnySchema; shape?: Record<string, AnySchema> };
const definitionOf = (schema: AnySchema) => (schema as unknown as { def: Definition }).def;

/** One row per key (sections first, then their keys as `section.key`). */
export function configKeyRows(schema: AnySchema = configSchema, prefix = ''): KeyRow[] {
  const shape = definitionOf(schema).shape ?? {};
  return Object.entries(shape).flatMap(([name, field]) => {
    let inner = field;
    let fallback = REQUIRED;
    for (let definition = definitionOf(inner); definition.type === 'default' || definition.type === 'optional'; definition = definitionOf(inner)) {
      if (definition.type === 'default' && typeof definition.defaultValue !== 'object') fallback = JSON.stringify(definition.defaultValue);
      else if (fallback === REQUIRED) fallback = '';
      inner = definition.innerType!;
    }
    const row = { key: `${prefix}${name}`, type: typeLabel(inner), fallback, description: field.description ?? inner.description ?? '' };
    return definitionOf(inner).type === 'object' ? [{ ...row, type: 'section', fallback: '' }, ...configKeyRows(inner, `${row.key}.`)] : [row];
  });
}

function typeLabel(schema: AnySchema): string {
  const title = z.globalRegistry.get(schema as z.ZodType)?.title;
  if (title) return title;
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'enum':
      return Object.values(definition.entries ?? {}).join(' \\| ');
    case 'array':
      return `list of ${typeLabel(definition.element!)}`;
    case 'union':
      return (definition.options ?? []).map(typeLabel).join(' or ');
    case 'object':
      return `{ ${Object.keys(definition.shape ?? {}).join(', ')} }`;
    default:
      return definition.type;
  }
}

/** The Markdown table of every zine.yaml key. */
export function configKeyTable(): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const shown = (fallback: string) => (fallback === '' || fallback === REQUIRED ? fallback : `\`${escape(fallback)}\``);
  const rows = configKeyRows().map((row) => `| \`${row.key}\` | ${row.type} | ${shown(row.fallback)} | ${escape(row.description)} |`);
  return ['| key | type | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}
