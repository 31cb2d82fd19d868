// `zine init` and `zine add chapter`: a fresh folder builds every output at once, EPUBCheck-clean; nothing is ever overwritten.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { describeProblems, epubcheck } from './helpers/epubcheck.ts';
import { openEpub, textOf } from './helpers/epub-reader.ts';
import { runZine } from './helpers/fixture.ts';
import { readPdfText } from './pdf-text.ts';

const work = mkdtempSync(path.join(tmpdir(), 'zine-init-'));
const init = runZine(['init', 'my-zine', '--title', 'Notes from Below', '--lang', 'en-GB'], work);
const dir = path.join(work, 'my-zine');

test('init makes a commented zine.yaml with a fresh identifier, the date and the language, and prints the next commands', () => {
  assert.equal(init.status, 0, init.stderr);
  const text = readFileSync(path.join(dir, 'zine.yaml'), 'utf8');
  const config = parseDocument(text).toJS();
  assert.equal(config.title, 'Notes from Below');
  assert.equal(config.lang, 'en-GB');
  assert.match(config.identifier, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(config.date, new Date().toISOString().slice(0, 10));
  assert.deepEqual(config.chapters, ['01-getting-started.md']);
  const keyLines = text.split('\n').filter((line) => /^\w+:/.test(line));
  for (const line of keyLines) assert.match(text.split('\n')[text.split('\n').indexOf(line) - 1]!, /^# \S/, `no comment above ${line}`);
  assert.deepEqual(readdirSync(path.join(dir, 'images')), ['01-placeholder.png']);
  const next = init.stdout.split('\n').filter((line) => line.startsWith('  zine '));
  assert.deepEqual(next.map((line) => line.trim().split(/\s+/).slice(0, 2).join(' ')), ['zine build', 'zine watch', 'zine add']);
});

test('a second init, with SOURCE_DATE_EPOCH honoured, gets another identifier and the epoch as its date', () => {
  const other = runZineWithEnv(['init', 'other'], { SOURCE_DATE_EPOCH: '1642075200' });
  assert.equal(other.status, 0, other.stderr);
  const config = parseDocument(readFileSync(path.join(work, 'other', 'zine.yaml'), 'utf8')).toJS();
  assert.equal(config.date, '2022-01-13');
  assert.notEqual(config.identifier, parseDocument(readFileSync(path.join(dir, 'zine.yaml'), 'utf8')).toJS().identifier);
});

test('init refuses an existing manuscript with exit 2, naming it, and leaves it as it was', () => {
  const before = readFileSync(path.join(dir, 'zine.yaml'), 'utf8');
  const again = runZine(['init', 'my-zine'], work);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /my-zine\/zine\.yaml already exists/);
  assert.equal(readFileSync(path.join(dir, 'zine.yaml'), 'utf8'), before);
  const bad = runZine(['init', 'x', '--lang', 'not a tag'], work);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--lang/);
});

test('add chapter writes the file and appends it to chapters:, keeping the comments and the key order', () => {
  const configPath = path.join(dir, 'zine.yaml');
  writeFileSync(configPath, readFileSync(configPath, 'utf8').replace('chapters:', '# my own remark\nchapters:'));
  const before = readFileSync(configPath, 'utf8');
  const added = runZine(['add', 'chapter', 'Second Thoughts', 'my-zine'], work);
  assert.equal(added.status, 0, added.stderr);
  const after = readFileSync(configPath, 'utf8');
  assert.equal(after, `${before}  - 02-second-thoughts.md\n`);
  assert.match(readFileSync(path.join(dir, '02-second-thoughts.md'), 'utf8'), /^# Second Thoughts\n/);
  const twice = runZine(['add', 'chapter', 'Second Thoughts', 'my-zine'], work);
  assert.equal(twice.status, 0, 'a third chapter of the same title gets the next number');
  assert.match(readFileSync(configPath, 'utf8'), /- 03-second-thoughts\.md\n$/);
});

test('build on the new manuscript makes every output: the example note, figure, language span and quotation in each', async () => {
  const build = runZine(['build', 'my-zine'], work);
  assert.equal(build.status, 0, build.stderr);
  const out = path.join(work, 'build');
  // Outputs only: the print image cache lives in zine's cache folder, not in the output folder.
  assert.deepEqual(readdirSync(out).sort(), [
    'notes-from-below-booklet.pdf',
    'notes-from-below-fonts',
    'notes-from-below-images',
    'notes-from-below-minizine.pdf',
    'notes-from-below.epub',
    'notes-from-below.html',
    'notes-from-below.pdf',
  ]);
  const epubBytes = new Uint8Array(readFileSync(path.join(out, 'notes-from-below.epub')));
  const pending = epubcheck(epubBytes);
  const html = readFileSync(path.join(out, 'notes-from-below.html'), 'utf8');
  assert.match(html, /<span lang="fr">à bientôt<\/span>/);
  assert.match(html, /<blockquote>/);
  assert.match(html, /<figure[\s\S]*<img[^>]+src="notes-from-below-images\/01-01-placeholder\.png"/);
  assert.match(html, /This is the note\./);
  const pages = await readPdfText(new Uint8Array(readFileSync(path.join(out, 'notes-from-below.pdf'))));
  const text = pages.map((page) => page.items.map((item) => item.text).join('')).join('\n').replaceAll('\u00ad', '');
  for (const expected of ['Getting Started', 'Second Thoughts', 'This is the note.', 'à bientôt', 'A quotation is a paragraph']) assert.ok(text.includes(expected), expected);
  const epub = openEpub(epubBytes);
  const chapter = Object.keys(epub.entries).find((name) => name.endsWith('01-getting-started.xhtml'))!;
  assert.match(textOf(epub.xml(chapter)), /This is the note\./);
  const report = await pending;
  const { nFatal, nError, nWarning } = report.checker;
  assert.deepEqual({ nFatal, nError, nWarning }, { nFatal: 0, nError: 0, nWarning: 0 }, describeProblems(report));
});

function runZineWithEnv(args: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return runZine(args, work);
  } finally {
    for (const key of Object.keys(env)) if (saved[key] === undefined) delete process.env[key];
  }
}
