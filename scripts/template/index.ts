// Templates in templates/: files with {{text}} (escaped) and {{{html}}} (raw) placeholders, filled by the outputs.
// A file is looked up in layers: the manuscript's own templates/, then its theme (templates/themes/<name>/), then templates/.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveManuscriptFile } from '../manuscript/resolve-file.ts';
import { isInside } from '../paths/is-inside.ts';

/** The project's templates folder. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The bundled themes' folders, each holding only the files it changes. */
export const THEMES_DIR = path.join(TEMPLATES_DIR, 'themes');

/** What picks a book's templates: its manuscript folder (a real path) and its theme. A Book is one. */
export interface TemplateSource {
  root: string;
  config: { theme: string };
}

/**
 * A manuscript is untrusted: its templates/ may restyle every output and replace the pages rendered in the sandbox
 * (where no script runs), but not the EPUB's EJS templates (code) nor the HTML edition's page (opened unsandboxed).
 */
export function manuscriptMayOverride(name: string): boolean {
  return name.endsWith('.css') || name === 'print/page.html' || name === 'cover/cover.html';
}

/** The file template `name` (e.g. `print/print.css`) comes from for `source`; without a source, zine's own. */
export function findTemplate(name: string, source?: TemplateSource): string {
  if (source && manuscriptMayOverride(name)) {
    const own = resolveManuscriptFile(`templates/${name}`, source.root, source.root);
    if ('path' in own) return own.path;
  }
  return source ? themeTemplate(name, source.config.theme) : path.join(TEMPLATES_DIR, name);
}

/** Template `name` of a bundled theme: the theme's own file, else zine's default. */
export function themeTemplate(name: string, theme: string): string {
  const themed = path.join(THEMES_DIR, theme, name);
  return existsSync(themed) ? themed : path.join(TEMPLATES_DIR, name);
}

/** Every file of zine's own templates (not the themes'), by name (`print/print.css`, …), sorted. */
export function templateNames(): string[] {
  return readdirSync(TEMPLATES_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(TEMPLATES_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((name) => !name.startsWith('themes/'))
    .sort();
}

/** Read template `name` as `source`'s layers resolve it. */
export function readTemplate(name: string, source?: TemplateSource): Promise<string> {
  return readFile(findTemplate(name, source), 'utf8');
}

/** A stylesheet's template and its theme's additions (`<folder>/theme.css`), as one text: for outputs that inline their CSS. */
export async function readStylesheets(folder: string, main: string, source: TemplateSource): Promise<string> {
  return (await Promise.all([`${folder}/${main}`, `${folder}/theme.css`].map((name) => readTemplate(name, source)))).join('\n');
}

/** Where the print sandbox serves template `name` for `source`: under /manuscript/ or /templates/, wherever it was found. */
export function templateUrl(name: string, source: TemplateSource): string {
  const file = findTemplate(name, source);
  const [route, base] = isInside(file, source.root) ? ['/manuscript/', source.root] : ['/templates/', TEMPLATES_DIR];
  return `${route}${path.relative(base, file).split(path.sep).join('/')}`;
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
