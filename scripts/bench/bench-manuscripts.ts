// The benchmark's inputs, made in a temp folder: a copy of the seed manuscript, and one ten times as long.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

export interface BenchManuscript {
  name: string;
  dir: string;
  /** The chapter the warm benchmark edits. */
  editChapter: string;
}

/** Copy `seedDir` to `<tempDir>/seed` and build `<tempDir>/seed-x<times>` from its chapters repeated `times` times. */
export function makeBenchManuscripts(seedDir: string, tempDir: string, times: number): BenchManuscript[] {
  const seed = path.join(tempDir, 'seed');
  cpSync(seedDir, seed, { recursive: true });
  const config = parseDocument(readFileSync(path.join(seed, 'zine.yaml'), 'utf8'));
  const chapters = (config.get('chapters') as { items: { value: string }[] }).items.map((item) => String(item.value));
  const large = path.join(tempDir, `seed-x${times}`);
  cpSync(seed, large, { recursive: true });
  const repeated: string[] = [];
  for (let copy = 1; copy <= times; copy++) {
    for (const chapter of chapters) {
      const name = copy === 1 ? chapter : chapter.replace(/\.md$/, `-r${copy}.md`);
      if (copy > 1) writeFileSync(path.join(large, name), uniqueNoteLabels(readFileSync(path.join(seed, chapter), 'utf8'), copy));
      repeated.push(name);
    }
  }
  config.set('chapters', repeated);
  writeFileSync(path.join(large, 'zine.yaml'), String(config));
  const editChapter = chapters.reduce((longest, chapter) => (size(seed, chapter) > size(seed, longest) ? chapter : longest));
  return [
    { name: 'seed', dir: seed, editChapter },
    { name: `seed×${times}`, dir: large, editChapter },
  ];
}

/** Footnote labels `[^x]` made unique per copy (chapter ids, and so heading ids, already are: they come from file names). */
function uniqueNoteLabels(markdown: string, copy: number): string {
  return markdown.replace(/\[\^([^\]\s]+)\]/g, (_match, label: string) => `[^${label}-r${copy}]`);
}

function size(dir: string, chapter: string): number {
  return readFileSync(path.join(dir, chapter)).length;
}
