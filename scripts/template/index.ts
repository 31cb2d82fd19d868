// Templates in templates/: files with {{text}} (escaped) and {{{html}}} (raw) placeholders, filled by the outputs.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The project's templates folder. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Read a template file by its path inside templates/. */
export function readTemplate(name: string): Promise<string> {
  return readFile(new URL(name, `file://${TEMPLATES_DIR}`), 'utf8');
}

/** Escape text for HTML and XML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Fill `{{key}}` with escaped text and `{{{key}}}` with raw markup; a placeholder without a value is a template bug. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\{)?\s*([\w-]+)\s*\}?\}\}/g, (_match, raw: string | undefined, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`Template placeholder {{${key}}} has no value`);
    return raw ? value : escapeHtml(value);
  });
}
