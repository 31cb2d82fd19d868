// Decompression bombs: refused from the header with bounded memory; the largest image allowed goes through every output in bounded memory.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { copyFixture, PROJECT_DIR } from './helpers/fixture.ts';
import { assertNoCrash, messageLines, runZineAsync } from './helpers/hostile.ts';
import { pngBomb } from './helpers/png-bomb.ts';

const MAX_RSS_HOOK = pathToFileURL(path.join(PROJECT_DIR, 'tests/helpers/max-rss-hook.mjs')).href;
const MB = 1024;

/** Build the minimal fixture with `image` as its one picture; returns the run, its peak RSS in MB and the output folder. */
async function buildWithImage(image: Buffer, only: string) {
  const dir = copyFixture('minimal');
  writeFileSync(path.join(dir, 'images/square.png'), image);
  const rssFile = path.join(path.dirname(dir), 'max-rss');
  const out = path.join(path.dirname(dir), 'build');
  const run = await runZineAsync(['build', dir, '--out', out, '--only', only], {
    cwd: path.dirname(dir),
    nodeArgs: ['--import', MAX_RSS_HOOK],
    env: { ...process.env, ZINE_MAX_RSS_FILE: rssFile },
  });
  return { run, peakMb: Number(readFileSync(rssFile, 'utf8')) / MB, out };
}

test('a real 30000×30000 PNG bomb (under 1 MB, 900 MB decoded) is refused from its header; the build peaks under 300 MB', async () => {
  const bomb = await pngBomb(30_000, 30_000);
  assert.ok(bomb.length < 1_000_000);
  const { run, peakMb, out } = await buildWithImage(bomb, 'html,pdf,booklet,minizine,epub');
  assertNoCrash(run);
  assert.equal(run.status, 1);
  assert.deepEqual(messageLines(run).map((line) => line.replace(/ {2,}/g, '  ')), [
    'manuscript/01-first.md:7:1  error  Image `images/square.png` is 30000×30000 pixels, more than the 50 megapixels allowed  image-too-large',
  ]);
  assert.ok(!existsSync(out), 'nothing is written');
  assert.ok(peakMb < 300, `peak RSS ${Math.round(peakMb)} MB`);
});

test('a 7000×7000 image (49 MP, just under the limit) goes through the HTML, PDF and EPUB with a peak under 400 MB', async () => {
  const { run, peakMb, out } = await buildWithImage(await pngBomb(7000, 7000), 'html,pdf,epub');
  assertNoCrash(run);
  assert.equal(run.status, 0, run.stderr);
  const [resized] = readdirSync(path.join(out, 'a-minimal-zine-images'));
  const { width, height } = await sharp(path.join(out, 'a-minimal-zine-images', resized!)).metadata();
  assert.deepEqual({ width, height }, { width: 1400, height: 1400 });
  for (const name of ['a-minimal-zine.pdf', 'a-minimal-zine.epub']) assert.ok(existsSync(path.join(out, name)), name);
  assert.ok(peakMb < 400, `peak RSS ${Math.round(peakMb)} MB`);
});
