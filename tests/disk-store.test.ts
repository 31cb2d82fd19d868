// What zine keeps on disk between runs (compiled chapters, image checks, e-book images) gives what computing it again
// gives, and is not used once what it was made from changed: the text, an image it names, the working directory.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { VFile } from 'vfile';
import { copyFixture, PROJECT_DIR, runZine, SEED_DIR } from './helpers/fixture.ts';

// Set before anything asks for the cache folder (it is found once per process), and inherited by the CLI runs below.
process.env.ZINE_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'zine-store-'));
// Two builds a second apart stamp the same modification date in their EPUBs.
process.env.SOURCE_DATE_EPOCH = '1700000000';
const { loadBook } = await import('../scripts/manuscript/index.ts');
const storeDir = path.join(process.env.ZINE_CACHE_DIR, 'chapters');

/** Everything a build takes from the manuscript stage: chapter trees, notes, titles, languages, images and messages. */
function loaded(result: Awaited<ReturnType<typeof loadBook>>) {
  const messages = (files: VFile[]) => files.map((file) => file.messages.map(({ reason, line, column, ruleId, fatal, file: name }) => ({ reason, line, column, ruleId, fatal, name })));
  const chapters = result.book?.chapters.map(({ id, title, lang, tree, notes }) => ({ id, title, lang, tree, notes }));
  return { chapters, images: [...(result.book?.images ?? [])], messages: messages(result.files) };
}

/** The minimal fixture reduced to one chapter, `one.md`. */
function oneChapter(dir: string) {
  const config = readFileSync(path.join(dir, 'zine.yaml'), 'utf8');
  writeFileSync(path.join(dir, 'zine.yaml'), config.replace(/chapters:[\s\S]*/, 'chapters: [one.md]\n'));
}

function storeStamps(): Map<string, number> {
  return new Map(readdirSync(storeDir).map((name) => [name, statSync(path.join(storeDir, name)).mtimeMs]));
}

const MANUSCRIPTS = [SEED_DIR, ...readdirSync(path.join(PROJECT_DIR, 'tests/corpus'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => path.join(PROJECT_DIR, 'tests/corpus', entry.name)), path.join(PROJECT_DIR, 'tests/fixtures/dialects')];

test('a chapter read from the store is the chapter compiled: the seed, the corpus and the Markdown dialects', async () => {
  for (const dir of MANUSCRIPTS) {
    const compiled = loaded(await loadBook(dir));
    const stamps = storeStamps();
    const stored = loaded(await loadBook(dir));
    // Not written again: every chapter came from the store.
    assert.deepEqual(storeStamps(), stamps, dir);
    assert.deepEqual(stored, compiled, dir);
  }
});

test('a stored chapter is compiled again when an image it names is gone, and when it is back', async () => {
  const dir = copyFixture('minimal');
  oneChapter(dir);
  writeFileSync(path.join(dir, 'one.md'), '# One\n\nText.\n\n![A square](square.png)\n');
  cpSync(path.join(SEED_DIR, 'images/01-almaty-fog.png'), path.join(dir, 'square.png'));
  const errors = async () => (await loadBook(dir)).files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${message.line}:${message.column} ${message.ruleId}`));
  assert.deepEqual(await errors(), []);
  rmSync(path.join(dir, 'square.png'));
  assert.deepEqual(await errors(), ['5:1 missing-image']);
  cpSync(path.join(SEED_DIR, 'images/01-almaty-fog.png'), path.join(dir, 'square.png'));
  assert.deepEqual(await errors(), []);
});

test('a stored message names paths from the working directory of the run that reads it', async () => {
  const dir = copyFixture('minimal');
  oneChapter(dir);
  writeFileSync(path.join(dir, 'one.md'), '# One\n\n![Gone](pictures/gone.png)\n');
  const reason = async () => (await loadBook(dir)).files.flatMap((file) => file.messages.map((message) => message.reason)).find((text) => text.includes('gone.png'));
  const before = process.cwd();
  try {
    process.chdir(path.dirname(dir));
    assert.match((await reason())!, /looked for manuscript\/pictures\/gone\.png/);
    process.chdir(dir);
    assert.match((await reason())!, /looked for pictures\/gone\.png\)/);
  } finally {
    process.chdir(before);
  }
});

test('an image checked in an earlier run is checked again when its bytes change, though its size and time do not', () => {
  const dir = copyFixture('minimal');
  oneChapter(dir);
  writeFileSync(path.join(dir, 'one.md'), '# One\n\n![A picture](picture.png)\n');
  const image = path.join(dir, 'picture.png');
  cpSync(path.join(SEED_DIR, 'images/01-almaty-fog.png'), image);
  assert.equal(runZine(['check', dir]).status, 0);
  const { atime, mtime, size } = statSync(image);
  // The same length and modification time, the pixel data garbled past the header.
  const bytes = readFileSync(image);
  bytes.fill(0x41, 200);
  writeFileSync(image, bytes);
  utimesSync(image, atime, mtime);
  assert.equal(statSync(image).size, size);
  const check = runZine(['check', dir]);
  assert.equal(check.status, 1, check.stderr);
  assert.match(check.stderr, /one\.md:3:1\s+error\s+Image `picture\.png` cannot be decoded.*invalid-image/);
});

test('a build whose chapters and images come from the store writes the same files as the build that stored them', () => {
  const dir = copyFixture(SEED_DIR);
  const outputs = (out: string) => new Map(readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => [path.relative(out, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name))]));
  const builds = ['first', 'second'].map((name) => {
    const out = path.join(path.dirname(dir), name);
    mkdirSync(out);
    const result = runZine(['build', dir, '--only', 'html,epub', '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    return outputs(out);
  });
  assert.ok(readdirSync(path.join(process.env.ZINE_CACHE_DIR!, 'epub-images')).length > 0, 'the e-book images were stored');
  assert.deepEqual([...builds[1]!.keys()].sort(), [...builds[0]!.keys()].sort());
  for (const [name, bytes] of builds[0]!) assert.ok(bytes.equals(builds[1]!.get(name)!), `${name} differs`);
});
