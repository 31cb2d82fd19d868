// Empty and malformed manuscripts through `zine check`: each gives its messages and exit code, never a crash or a hang.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { copyFixture } from './helpers/fixture.ts';
import { assertNoCrash, messageLines, runZineAsync } from './helpers/hostile.ts';

const VALID_HEAD = 'title: T\nidentifier: urn:x\ndate: 2024-01-01\n';
const REQUIRED_MISSING = [
  'manuscript/zine.yaml:1:1  error  `chapters` in zine.yaml: Invalid input: expected array, received undefined  config-invalid',
  'manuscript/zine.yaml:1:1  error  `date` in zine.yaml: Invalid input: expected string, received undefined  config-invalid',
  'manuscript/zine.yaml:1:1  error  `identifier` in zine.yaml: Invalid input: expected string, received undefined  config-invalid',
  'manuscript/zine.yaml:1:1  error  `title` in zine.yaml: Invalid input: expected string, received undefined  config-invalid',
];
/** `billion laughs`: nine levels of ten aliases each would expand to 10⁹ strings. */
const ALIAS_BOMB = `${VALID_HEAD}chapters: [01-first.md]\na: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, level) => {
  const [name, previous] = [String.fromCharCode(98 + level), String.fromCharCode(97 + level)];
  return `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`;
}).join('\n')}\n`;

/** A broken manuscript: the minimal fixture with `zine.yaml` (and optionally chapter 02) replaced, or its files changed by a function. */
interface Case {
  name: string;
  yaml?: string;
  chapter?: string;
  change?: (dir: string) => void;
  status: number;
  lines: string[];
}

const CASES: Case[] = [
  { name: 'an empty zine.yaml', yaml: '', status: 2, lines: REQUIRED_MISSING },
  { name: 'a zine.yaml of comments only', yaml: '# nothing yet\n', status: 2, lines: REQUIRED_MISSING },
  { name: 'an empty chapters list', yaml: `${VALID_HEAD}chapters: []\n`, status: 2, lines: ['manuscript/zine.yaml:4:11  error  `chapters` in zine.yaml: Too small: expected array to have >=1 items  config-invalid'] },
  { name: 'no chapters key', yaml: VALID_HEAD, status: 2, lines: ['manuscript/zine.yaml:1:1  error  `chapters` in zine.yaml: Invalid input: expected array, received undefined  config-invalid'] },
  { name: 'a list instead of a mapping', yaml: '- title\n- chapters\n', status: 2, lines: ['manuscript/zine.yaml:1:1  error  `(top level)` in zine.yaml: Invalid input: expected object, received array  config-invalid'] },
  { name: 'a bare string', yaml: 'just words\n', status: 2, lines: ['manuscript/zine.yaml:1:1  error  `(top level)` in zine.yaml: Invalid input: expected object, received string  config-invalid'] },
  {
    name: 'wrong types everywhere',
    yaml: 'title: 42\nidentifier: [u]\ndate: 2024-13-45\nchapters: 01-first.md\nprint: yes\nauthors: {a: 1}\nlang: "en US"\n',
    status: 2,
    lines: [
      'manuscript/zine.yaml:1:8  error  `title` in zine.yaml: Invalid input: expected string, received number  config-invalid',
      'manuscript/zine.yaml:2:13  error  `identifier` in zine.yaml: Invalid input: expected string, received array  config-invalid',
      'manuscript/zine.yaml:3:7  error  `date` in zine.yaml: Invalid ISO date  config-invalid',
      'manuscript/zine.yaml:4:11  error  `chapters` in zine.yaml: Invalid input: expected array, received string  config-invalid',
      'manuscript/zine.yaml:5:8  error  `print` in zine.yaml: Invalid input: expected object, received string  config-invalid',
      'manuscript/zine.yaml:6:10  error  `authors` in zine.yaml: Invalid input: expected array, received object  config-invalid',
      'manuscript/zine.yaml:7:7  error  `lang` in zine.yaml: expected a BCP 47 language tag such as "en" or "zh-Hans"  config-invalid',
    ],
  },
  {
    name: 'unknown and wrong nested keys',
    yaml: `${VALID_HEAD}chapters: [01-first.md]\nprint: {colour: red, fontSize: huge}\n`,
    status: 2,
    lines: [
      'manuscript/zine.yaml:5:9  error  `print.colour` in zine.yaml: unknown key  config-invalid',
      'manuscript/zine.yaml:5:32  error  `print.fontSize` in zine.yaml: expected a length such as "15mm", "0.6in" or "11pt"  config-invalid',
    ],
  },
  { name: 'null title and chapter', yaml: 'title: ~\nidentifier: u\ndate: 2024-01-01\nchapters: [~]\n', status: 2, lines: ['manuscript/zine.yaml:1:8  error  `title` in zine.yaml: Invalid input: expected string, received null  config-invalid', 'manuscript/zine.yaml:4:12  error  `chapters.0` in zine.yaml: Invalid input: expected string, received null  config-invalid'] },
  { name: 'a key given twice', yaml: `${VALID_HEAD}title: U\nchapters: [01-first.md]\n`, status: 2, lines: ['manuscript/zine.yaml:4:1  error  Invalid YAML: Map keys must be unique  yaml-syntax'] },
  { name: 'a YAML alias bomb', yaml: ALIAS_BOMB, status: 2, lines: ['manuscript/zine.yaml:1:1  error  Invalid YAML: Excessive alias count indicates a resource exhaustion attack  yaml-syntax'] },
  { name: 'no zine.yaml', change: (dir) => rmSync(path.join(dir, 'zine.yaml')), status: 2, lines: ['manuscript/zine.yaml:1:1  error  Cannot read zine.yaml: every manuscript needs one (title, identifier, date, chapters)  missing-config'] },
  { name: 'a zine.yaml that is a folder', change: (dir) => (rmSync(path.join(dir, 'zine.yaml')), mkdirSync(path.join(dir, 'zine.yaml'))), status: 2, lines: ['manuscript/zine.yaml:1:1  error  Cannot read zine.yaml: every manuscript needs one (title, identifier, date, chapters)  missing-config'] },
  { name: 'a chapter of front matter only', chapter: '---\nlang: ru\n---\n', status: 1, lines: ['manuscript/02-second.md:1:1  error  Chapter is empty: write some text or remove it from `chapters` in zine.yaml  empty-chapter'] },
  { name: 'front matter that is not YAML', chapter: '---\nlang: [ru\n---\n\n# T\n', status: 1, lines: ['manuscript/02-second.md:2:10  error  Invalid front matter: Flow sequence in block collection must be sufficiently indented and end with a ]  frontmatter-syntax'] },
  { name: 'front matter that is a list', chapter: '---\n- lang\n---\n\n# T\n', status: 1, lines: ['manuscript/02-second.md:1:1  error  Front matter must be key: value pairs  frontmatter-invalid'] },
  { name: 'front matter with an unknown key and no heading', chapter: '---\nauthor: me\n---\n\nText.\n', status: 0, lines: ['manuscript/02-second.md:1:1  warning  Unknown front matter key `author` (known: lang, title)  frontmatter-unknown-key', 'manuscript/02-second.md:5:1  warning  Chapter has no heading: its file name is used as its title  missing-heading'] },
];

describe('hostile-config: every malformed manuscript gets its messages and exit code', { concurrency: 2 }, () => {
  for (const { name, yaml, chapter, change, status, lines } of CASES) {
    test(`check: ${name}`, async () => {
      const dir = copyFixture('minimal');
      if (yaml !== undefined) writeFileSync(path.join(dir, 'zine.yaml'), yaml);
      if (chapter !== undefined) writeFileSync(path.join(dir, '02-second.md'), chapter);
      change?.(dir);
      const run = await runZineAsync(['check', dir], { cwd: path.dirname(dir) });
      assertNoCrash(run);
      assert.deepEqual(messageLines(run).map((line) => line.replace(/ {2,}/g, '  ')), lines);
      assert.equal(run.status, status);
    });
  }
});
