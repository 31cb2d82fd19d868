// The generated e-book cover is rendered once per content: a rebuild takes it from zine's cache and starts no browser.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { loadBook } from '../scripts/manuscript/index.ts';
import { cachedCoverImage } from '../scripts/print/cover-cache.ts';
import { openPrintSession, type PrintSession } from '../scripts/print/index.ts';
import { describeProblems, epubcheck } from './helpers/epubcheck.ts';
import { copyFixture, runZine } from './helpers/fixture.ts';

test('cover cache: drawn once per look (a new title draws again); the same bytes from the cache, without a browser', async () => {
  const dir = copyFixture('minimal');
  const { book } = await loadBook(dir);
  assert.ok(book);
  const zineCache = mkdtempSync(path.join(tmpdir(), 'zine-cover-cache-'));
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'zine-cover-images-'));
  let opened: Promise<PrintSession> | undefined;
  let opens = 0;
  const openSession = () => {
    opens++;
    return (opened ??= openPrintSession());
  };
  try {
    const first = await cachedCoverImage(book, openSession, { zineCache, cacheDir });
    assert.equal(opens, 1, 'an empty cache draws the cover');
    const { format, width, height } = await sharp(first).metadata();
    assert.deepEqual([format, width, height], ['jpeg', 1600, 2400]);
    assert.equal(readdirSync(path.join(zineCache, 'covers')).filter((name) => name.endsWith('.jpg')).length, 1);

    const again = await cachedCoverImage(book, openSession, { zineCache, cacheDir });
    assert.equal(opens, 1, 'the same book needs no browser');
    assert.deepEqual(again, first);

    const retitled = await cachedCoverImage({ ...book, config: { ...book.config, title: 'Another Title' } }, openSession, { zineCache, cacheDir });
    assert.equal(opens, 2, 'a new title draws a new cover');
    assert.notDeepEqual(retitled, first);
    assert.equal(readdirSync(path.join(zineCache, 'covers')).length, 2);
  } finally {
    await (await opened)?.close();
  }
});

test('cover cache: a second `zine build --only epub` starts no browser and writes the same EPUB, valid', async () => {
  const dir = copyFixture('minimal');
  const epubs = [];
  for (const run of [1, 2]) {
    const out = mkdtempSync(path.join(tmpdir(), `zine-cover-cache-${run}-`));
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    const result = runZine(['build', dir, '--out', out, '--only', 'epub']);
    delete process.env.SOURCE_DATE_EPOCH;
    assert.equal(result.status, 0, result.stderr);
    if (run === 2) assert.doesNotMatch(result.stderr, /^zine: browser /m, 'no browser for a cached cover');
    epubs.push(path.join(out, 'a-minimal-zine.epub'));
  }
  assert.deepEqual(readFileSync(epubs[1]!), readFileSync(epubs[0]!), 'byte-identical with SOURCE_DATE_EPOCH');
  assert.equal(describeProblems(await epubcheck(new Uint8Array(readFileSync(epubs[1]!)))), '');
});
