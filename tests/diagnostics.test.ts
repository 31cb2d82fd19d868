// Every manuscript diagnostic through the CLI: message with file:line:column and rule, exit code, build/ untouched.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { test } from 'node:test';
import { copyFixture, runZine } from './helpers/fixture.ts';
import { pngFile } from './helpers/png-bomb.ts';

/** A PNG whose header claims `width`×`height` pixels, with almost no data: a decompression bomb's shape. */
const pngHeader = (width: number, height: number) => pngFile(width, height, deflateSync(Buffer.alloc(1024)));

function edit(file: string, change: (text: string) => string) {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** Run `zine check` on a broken copy of the minimal fixture; return the output and exit code. */
function checkBroken(breakIt: (dir: string) => void) {
  const dir = copyFixture('minimal');
  breakIt(dir);
  return runZine(['check', dir], path.dirname(dir));
}

const cases: { name: string; breakIt: (dir: string) => void; line: RegExp; status: number }[] = [
  { name: 'a missing image', breakIt: (dir) => rmSync(path.join(dir, 'images/square.png')), line: /^manuscript\/01-first\.md:7:1\s+error\s+Image `images\/square\.png` not found.*missing-image$/m, status: 1 },
  { name: 'a text file named .png', breakIt: (dir) => writeFileSync(path.join(dir, 'images/square.png'), 'not an image'), line: /^manuscript\/01-first\.md:7:1\s+error\s+Image `images\/square\.png` is not an image sharp can read.*invalid-image$/m, status: 1 },
  { name: 'a text file named .jpg', breakIt: (dir) => { writeFileSync(path.join(dir, 'images/photo.jpg'), '# notes, not a photo\n'); edit(path.join(dir, '01-first.md'), (text) => text.replace('images/square.png', 'images/photo.jpg')); }, line: /^manuscript\/01-first\.md:7:1\s+error\s+Image `images\/photo\.jpg` is not an image sharp can read.*invalid-image$/m, status: 1 },
  { name: 'a corrupt image', breakIt: (dir) => writeFileSync(path.join(dir, 'images/square.png'), pngHeader(400, 400)), line: /^manuscript\/01-first\.md:7:1\s+error\s+Image `images\/square\.png` cannot be decoded.*invalid-image$/m, status: 1 },
  { name: 'a decompression bomb', breakIt: (dir) => writeFileSync(path.join(dir, 'images/square.png'), pngHeader(30000, 30000)), line: /^manuscript\/01-first\.md:7:1\s+error\s+Image `images\/square\.png` is 30000×30000 pixels.*image-too-large$/m, status: 1 },
  { name: 'an unsupported image format', breakIt: (dir) => writeFileSync(path.join(dir, 'images/square.png'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="file:///etc/passwd"/></svg>'), line: /^manuscript\/01-first\.md:7:1\s+error\s+Image `images\/square\.png` is SVG, not a supported format.*unsupported-image$/m, status: 1 },
  { name: 'an image path leaving the manuscript', breakIt: (dir) => edit(path.join(dir, '01-first.md'), (text) => text.replace('images/square.png', '../../etc/x.png')), line: /^manuscript\/01-first\.md:7:1\s+error\s+.*outside the manuscript folder.*image-outside-manuscript$/m, status: 1 },
  { name: 'a footnote called but never defined', breakIt: (dir) => edit(path.join(dir, '02-second.md'), (text) => text.replace('文本。[^x]', '文本。[^y]')), line: /^manuscript\/02-second\.md:7:8\s+error\s+Footnote `\[\^y\]` is called but never defined.*undefined-footnote$/m, status: 1 },
  { name: 'a footnote defined but never used', breakIt: (dir) => edit(path.join(dir, '02-second.md'), (text) => `${text}\n[^z]: Unused.\n`), line: /^manuscript\/02-second\.md:11:1\s+warning\s+Footnote `\[\^z\]` is defined but never called.*unused-footnote$/m, status: 0 },
  { name: 'a chapter listed that does not exist', breakIt: (dir) => edit(path.join(dir, 'zine.yaml'), (text) => text.replace('02-second.md', '03-missing.md')), line: /^manuscript\/zine\.yaml:9:5\s+error\s+Chapter `03-missing\.md` listed in zine\.yaml does not exist.*missing-chapter$/m, status: 1 },
  { name: 'an invalid zine.yaml value', breakIt: (dir) => edit(path.join(dir, 'zine.yaml'), (text) => text.replace('date: 2024-05-01', 'date: someday')), line: /^manuscript\/zine\.yaml:4:7\s+error\s+`date` in zine\.yaml: .*config-invalid$/m, status: 2 },
  { name: 'an unknown zine.yaml key', breakIt: (dir) => edit(path.join(dir, 'zine.yaml'), (text) => `${text}colour: red\n`), line: /^manuscript\/zine\.yaml:10:1\s+error\s+`colour` in zine\.yaml: unknown key\s+config-invalid$/m, status: 2 },
  { name: 'a missing title', breakIt: (dir) => edit(path.join(dir, 'zine.yaml'), (text) => text.replace('title: A Minimal Zine\n', '')), line: /^manuscript\/zine\.yaml:1:1\s+error\s+`title` in zine\.yaml: .*config-invalid$/m, status: 2 },
  { name: 'characters no bundled font has', breakIt: (dir) => edit(path.join(dir, '01-first.md'), (text) => `${text}\nA *smile* 🙂 and glyphs: Ꮳ and \u{10FFFD}.\n`), line: /^manuscript\/01-first\.md:13:26\s+warning\s+No bundled font has `Ꮳ` \(U\+13E3, Cherokee\), `\u{10FFFD}` \(U\+10FFFD, other\): they print as boxes\s+missing-glyph$/mu, status: 0 },
  { name: 'broken YAML', breakIt: (dir) => edit(path.join(dir, 'zine.yaml'), (text) => text.replace('lang: en', 'lang: [en')), line: /^manuscript\/zine\.yaml:\d+:\d+\s+error\s+Invalid YAML.*yaml-syntax$/m, status: 2 },
  { name: 'a chapter that is not UTF-8', breakIt: (dir) => writeFileSync(path.join(dir, '02-second.md'), Buffer.from('# Title\n\nCaf\xe9 latin-1\n', 'latin1')), line: /^manuscript\/02-second\.md:3:4\s+error\s+File is not UTF-8 \(invalid byte 0xe9\).*encoding$/m, status: 1 },
  { name: 'an empty chapter', breakIt: (dir) => writeFileSync(path.join(dir, '02-second.md'), '\n\n'), line: /^manuscript\/02-second\.md:1:1\s+error\s+Chapter is empty.*empty-chapter$/m, status: 1 },
];

for (const { name, breakIt, line, status } of cases) {
  test(`diagnostic: ${name}`, () => {
    const result = checkBroken(breakIt);
    assert.match(result.stderr, line);
    assert.equal(result.status, status, result.stderr);
  });
}

test('a clean manuscript checks with no messages and exit 0', () => {
  const result = checkBroken(() => {});
  assert.equal(result.stderr, '');
  assert.equal(result.status, 0);
});

test('a build with errors exits 1 and leaves earlier outputs untouched', () => {
  const dir = copyFixture('minimal');
  const out = mkdtempSync(path.join(tmpdir(), 'zine-out-'));
  const good = runZine(['build', dir, '--out', out, '--only', 'html']);
  assert.equal(good.status, 0, good.stderr);
  const page = path.join(out, 'a-minimal-zine.html');
  const before = readFileSync(page);
  rmSync(path.join(dir, 'images/square.png'));
  edit(path.join(dir, '01-first.md'), (text) => text.replace('The First Chapter', 'Changed'));
  const bad = runZine(['build', dir, '--out', out, '--only', 'html']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /missing-image/);
  assert.deepEqual(readFileSync(page), before);
});

test('usage errors exit 2 with the usage text', () => {
  const unknown = runZine(['frobnicate']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Unknown command: frobnicate[\s\S]*Usage:/);
  const badOnly = runZine(['build', '--only', 'pdf,mp3']);
  assert.equal(badOnly.status, 2);
  assert.match(runZine(['--version']).stdout, /^\d+\.\d+\.\d+/);
  assert.ok(!existsSync(path.join(tmpdir(), 'never')));
});

test('an output warning repeated in the text is said once, at its first place', () => {
  const dir = copyFixture('minimal');
  edit(path.join(dir, '01-first.md'), (text) => `${text}\n[a](#nowhere) [b](#nowhere) [c](#nowhere)\n`);
  const out = mkdtempSync(path.join(tmpdir(), 'zine-out-'));
  const result = runZine(['build', dir, '--out', out, '--only', 'epub'], path.dirname(dir));
  assert.equal(result.status, 0, result.stderr);
  const warnings = result.stderr.split('\n').filter((line) => /warning\s+Link `#nowhere` points to nothing/.test(line));
  assert.deepEqual(warnings.map((line) => line.split(/\s+/)[0]), ['manuscript/01-first.md:13:5']);
});

test('watch on a port already in use exits 2 with a clear message', async () => {
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const { port } = busy.address() as AddressInfo;
  try {
    const out = mkdtempSync(path.join(tmpdir(), 'zine-out-'));
    const result = runZine(['watch', copyFixture('minimal'), '--out', out, '--port', String(port)]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use`));
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  } finally {
    busy.close();
  }
});
