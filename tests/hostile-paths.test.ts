// Paths that leave the manuscript (.., absolute, symlinks, pipes) in chapters, images and the cover: each refused with its message.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { copyFixture } from './helpers/fixture.ts';
import { assertNoCrash, messageLines, runZineAsync, snapshotDir } from './helpers/hostile.ts';

/** The hostile-paths fixture, with what it points at outside the manuscript, symlinks out of it and named pipes in it. */
function hostilePaths(): { dir: string; outside: string } {
  const dir = copyFixture('hostile-paths');
  const outside = path.dirname(dir);
  copyFileSync(path.join(dir, 'images/ok.png'), path.join(outside, 'outside.png'));
  writeFileSync(path.join(outside, 'outside.md'), '# Outside\n\nOUTSIDE-TEXT\n');
  mkdirSync(path.join(outside, 'dir'));
  copyFileSync(path.join(dir, 'images/ok.png'), path.join(outside, 'dir/outside.png'));
  symlinkSync(path.join(outside, 'outside.png'), path.join(dir, 'images/link.png'));
  symlinkSync(path.join(outside, 'outside.md'), path.join(dir, 'linked-chapter.md'));
  symlinkSync(path.join(outside, 'dir'), path.join(dir, 'linked-dir'));
  // Reading a pipe blocks until someone writes to it: a build that opened one would never end.
  execFileSync('mkfifo', [path.join(dir, 'images/pipe.png'), path.join(dir, 'pipe-chapter.md')]);
  return { dir, outside };
}

const EXPECTED = [
  'manuscript/zine.yaml:5:8  error  `cover`: Image `../outside.png` is outside the manuscript folder  image-outside-manuscript',
  'manuscript/zine.yaml:8:5  error  Chapter `../outside.md`: `../outside.md` is outside the manuscript folder  chapter-outside-manuscript',
  'manuscript/zine.yaml:9:5  error  Chapter `/etc/hostname`: path `/etc/hostname` is absolute: use a relative path, inside the manuscript folder  chapter-outside-manuscript',
  'manuscript/zine.yaml:10:5  error  Chapter `linked-chapter.md`: `linked-chapter.md` links to a file outside the manuscript folder  chapter-outside-manuscript',
  'manuscript/zine.yaml:11:5  error  Chapter `pipe-chapter.md`: `pipe-chapter.md` is not a regular file  unreadable-chapter',
  'manuscript/zine.yaml:12:5  error  Chapter `images`: `images` is not a regular file  unreadable-chapter',
  'manuscript/01-images.md:5:1  error  Image `../outside.png` is outside the manuscript folder  image-outside-manuscript',
  'manuscript/01-images.md:7:1  error  Image `images/../../outside.png` is outside the manuscript folder  image-outside-manuscript',
  'manuscript/01-images.md:9:1  error  Image `%2e%2e/outside.png` is outside the manuscript folder  image-outside-manuscript',
  'manuscript/01-images.md:11:1  error  Image path `/etc/hostname` is absolute: use a relative path, inside the manuscript folder  image-outside-manuscript',
  'manuscript/01-images.md:13:1  error  Image `images/link.png` links to a file outside the manuscript folder  image-outside-manuscript',
  'manuscript/01-images.md:15:1  error  Image `linked-dir/outside.png` links to a file outside the manuscript folder  image-outside-manuscript',
  'manuscript/01-images.md:17:1  error  Image `images/pipe.png` is not a regular file  not-a-file',
];

test('hostile-paths: every path out of the manuscript, and every pipe, is an error with its place; nothing hangs', { timeout: 60_000 }, async () => {
  const { dir, outside } = hostilePaths();
  const run = await runZineAsync(['check', dir], { cwd: outside });
  assertNoCrash(run);
  assert.equal(run.status, 1);
  assert.deepEqual(messageLines(run).map((line) => line.replace(/ {2,}/g, '  ')), EXPECTED);
});

test('hostile-paths: the build stops before writing; the previous outputs stay byte-identical', { timeout: 60_000 }, async () => {
  const { dir, outside } = hostilePaths();
  const out = path.join(outside, 'build');
  mkdirSync(out);
  writeFileSync(path.join(out, 'hostile-paths.html'), '<p>the previous edition</p>');
  writeFileSync(path.join(out, 'hostile-paths.pdf'), '%PDF previous');
  const before = snapshotDir(out);
  const run = await runZineAsync(['build', dir, '--out', out], { cwd: outside });
  assertNoCrash(run);
  assert.equal(run.status, 1);
  assert.equal(messageLines(run).length, EXPECTED.length);
  assert.doesNotMatch(run.stderr, /zine: (html|browser|pdf|epub) /);
  assert.deepEqual(snapshotDir(out), before);
});

test('a manuscript folder reached through a symlink builds: only what its files point at is checked', { timeout: 60_000 }, async () => {
  const real = copyFixture('minimal');
  const link = path.join(path.dirname(real), 'linked-manuscript');
  symlinkSync(real, link);
  const out = path.join(path.dirname(real), 'build');
  const run = await runZineAsync(['build', link, '--out', out, '--only', 'html']);
  assertNoCrash(run);
  assert.equal(run.status, 0, run.stderr);
  assert.match(readFileSync(path.join(out, 'a-minimal-zine.html'), 'utf8'), /The First Chapter[\s\S]*img src="a-minimal-zine-images\/01-square\.png"/);
});
