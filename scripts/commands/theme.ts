// `zine theme eject [dir]`: copy the theme's template files into the manuscript's templates/, to edit from there.
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatMessages } from '../build/format-messages.ts';
import { loadConfig } from '../config/load.ts';
import { manuscriptMayOverride, templateNames, themeTemplate } from '../template/index.ts';
import { refuse, shown } from './say.ts';

/** Eject the theme of the manuscript in `dir` (absolute); resolves to the exit code. Never overwrites a file. */
export async function runThemeEject(dir: string): Promise<number> {
  const { config, file } = await loadConfig(dir);
  if (!config) {
    process.stderr.write(formatMessages([file]));
    return 2;
  }
  const names = templateNames().filter(manuscriptMayOverride);
  const target = (name: string) => path.join(dir, 'templates', ...name.split('/'));
  for (const name of names) {
    const exists = await stat(target(name)).then(() => true, () => false);
    if (exists) return refuse(`${shown(target(name))} already exists, and eject never overwrites a file`);
  }
  for (const name of names) {
    await mkdir(path.dirname(target(name)), { recursive: true });
    await copyFile(themeTemplate(name, config.theme), target(name));
  }
  console.log(`zine: copied the ${config.theme} theme's ${names.length} files into ${shown(path.join(dir, 'templates'))}: edit them there, they win over the theme.
${names.map((name) => `  templates/${name}`).join('\n')}
The EPUB's templates and the HTML edition's page stay zine's: a manuscript may not carry code.`);
  return 0;
}
