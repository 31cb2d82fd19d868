// The parts of `zine watch` without a browser: the rebuild queue, change scopes, ignored paths, safe file serving, caches.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { OutputName } from '../scripts/build/outputs.ts';
import { memoizeByFile } from '../scripts/images/file-memo.ts';
import { loadBook, type ChapterCache } from '../scripts/manuscript/index.ts';
import { TEMPLATES_DIR } from '../scripts/template/index.ts';
import { outputsForChanges } from '../scripts/watch/change-scope.ts';
import { ignoredPaths } from '../scripts/watch/ignore-paths.ts';
import { resolveOutputFile } from '../scripts/watch/output-file.ts';
import { createRebuildQueue } from '../scripts/watch/rebuild-queue.ts';
import { copyFixture } from './helpers/fixture.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('requests during a rebuild are merged into one next run, never run alongside', async () => {
  const runs: OutputName[][] = [];
  let running = 0;
  let most = 0;
  const queue = createRebuildQueue(async (outputs) => {
    running++;
    most = Math.max(most, running);
    runs.push(outputs);
    await tick(50);
    running--;
    return [];
  });
  queue.request(['pdf']);
  await tick(10);
  queue.request(['html']);
  queue.request(['epub', 'html']);
  await queue.idle();
  assert.deepEqual(runs, [['pdf'], ['html', 'epub']]);
  assert.equal(most, 1);
});

test('a rebuild that stops for newer changes hands its undone outputs to the next run', async () => {
  const runs: OutputName[][] = [];
  const queue = createRebuildQueue(async (outputs, superseded) => {
    runs.push(outputs);
    await tick(30);
    return superseded() ? outputs.filter((output) => output !== 'html') : [];
  });
  queue.request(['html', 'pdf', 'epub']);
  await tick(5);
  queue.request(['html']);
  await queue.idle();
  assert.deepEqual(runs, [['html', 'pdf', 'epub'], ['html', 'pdf', 'epub']]);
});

test('a template change rebuilds only the outputs that use that template; a manuscript change rebuilds all', () => {
  const enabled: OutputName[] = ['html', 'pdf', 'booklet', 'epub'];
  assert.deepEqual(outputsForChanges([path.join(TEMPLATES_DIR, 'print/print.css')], TEMPLATES_DIR, ['html', 'pdf', 'booklet', 'minizine', 'epub']), ['pdf', 'booklet', 'minizine']);
  const template = (name: string) => path.join(TEMPLATES_DIR, name);
  assert.deepEqual(outputsForChanges([template('html/html.css')], TEMPLATES_DIR, enabled), ['html']);
  assert.deepEqual(outputsForChanges([template('print/print.css')], TEMPLATES_DIR, enabled), ['pdf', 'booklet']);
  assert.deepEqual(outputsForChanges([template('cover/cover.css')], TEMPLATES_DIR, enabled), ['pdf', 'booklet', 'epub']);
  assert.deepEqual(outputsForChanges([template('epub/epub.css')], TEMPLATES_DIR, ['html', 'pdf']), []);
  assert.deepEqual(outputsForChanges(['/m/01-first.md', template('html/page.html')], TEMPLATES_DIR, ['html', 'pdf']), ['html', 'pdf']);
});

test('the watcher ignores the output folder, build/, version control and editor temp files', () => {
  const ignored = ignoredPaths(['/m', '/t'], '/out');
  for (const file of ['/out/x.html', '/m/build/x.pdf', '/m/.git/index', '/m/.01-first.md.swp', '/m/01-first.md~', '/m/4913', '/m/#01.md#', '/m/.x.123.tmp', '/m/images/.DS_Store']) {
    assert.equal(ignored(file), true, file);
  }
  for (const file of ['/m/01-first.md', '/m/zine.yaml', '/m/images/a.png', '/t/print/print.css']) assert.equal(ignored(file), false, file);
});

test('only regular files inside the output folder are served', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'zine-serve-'));
  const out = path.join(root, 'out');
  mkdirSync(path.join(out, 'book-images'), { recursive: true });
  mkdirSync(path.join(out, '.cache'));
  writeFileSync(path.join(out, 'book.html'), '<p>');
  writeFileSync(path.join(out, 'book-images', 'a b.png'), 'png');
  writeFileSync(path.join(out, '.cache', 'x.png'), 'png');
  writeFileSync(path.join(root, 'secret.txt'), 'secret');
  symlinkSync(path.join(root, 'secret.txt'), path.join(out, 'link.txt'));
  assert.equal(await resolveOutputFile(out, '/book.html'), path.join(out, 'book.html'));
  assert.equal(await resolveOutputFile(out, '/book-images/a%20b.png'), path.join(out, 'book-images', 'a b.png'));
  for (const refused of ['/../secret.txt', '/%2e%2e/secret.txt', '/book-images/..%2f..%2fsecret.txt', '/.cache/x.png', '/link.txt', '/book-images', '/', '/%E0%A4%A', '/book.html%00']) {
    assert.equal(await resolveOutputFile(out, refused), undefined, refused);
  }
});

test('the chapter cache re-parses only the chapter that changed', async () => {
  const manuscript = copyFixture('minimal');
  const cache: ChapterCache = new Map();
  await loadBook(manuscript, cache);
  const [first, second] = ['01-first.md', '02-second.md'].map((name) => path.join(manuscript, name));
  const before = { first: cache.get(first!)!.compiled, second: cache.get(second!)!.compiled };
  writeFileSync(first!, '# The First Chapter\n\nOne new word.\n');
  const { book } = await loadBook(manuscript, cache);
  assert.notEqual(cache.get(first!)!.compiled, before.first, 'the edited chapter was compiled again');
  assert.equal(cache.get(second!)!.compiled, before.second, 'the other chapter came from the cache');
  assert.match(JSON.stringify(book!.chapters[0]!.tree), /One new word/);
});

test('memoizeByFile remembers a result until the file changes', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'zine-memo-')), 'a.png');
  writeFileSync(file, 'one');
  let calls = 0;
  const process = memoizeByFile(async (_path: string, size: number) => `${++calls}@${size}`);
  assert.equal(await process(file, 10), '1@10');
  assert.equal(await process(file, 10), '1@10');
  assert.equal(await process(file, 20), '2@20', 'another variant is its own entry');
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  assert.equal(await process(file, 10), '3@10', 'a touched file is processed again');
});

test('a rebuild that throws is reported and the queue keeps going', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const queue = createRebuildQueue(async () => {
    if (++calls === 1) throw new Error('boom');
    return [];
  }, (error) => errors.push(error));
  queue.request(['html']);
  await queue.idle();
  queue.request(['pdf']);
  await queue.idle();
  assert.equal(calls, 2);
  assert.equal((errors[0] as Error).message, 'boom');
});
