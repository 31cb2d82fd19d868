// Warnings for template files a manuscript carries but may not use (the EPUB's EJS code, the HTML edition's page).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { manuscriptMayOverride, templateNames } from './index.ts';

/** One VFile with a `template-ignored` warning per file in `root`/templates/ that replaces a template it may not. */
export function ignoredTemplates(root: string): VFile[] {
  const folder = path.join(root, 'templates');
  if (!existsSync(folder)) return [];
  return templateNames()
    .filter((name) => !manuscriptMayOverride(name) && existsSync(path.join(folder, name)))
    .map((name) => {
      const file = new VFile({ path: path.join(folder, name), cwd: process.cwd() });
      file.message(`templates/${name} is not used: a manuscript may restyle every output, but not replace the EPUB's templates (they run as code) or the HTML edition's page; zine's own is used`, {
        place: { line: 1, column: 1 },
        ruleId: 'template-ignored',
      });
      return file;
    });
}
