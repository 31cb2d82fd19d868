// Awkward text: a BOM, CRLF and CR line ends, thousands of notes, broken notes, deep nesting. A message or a correct build, never a crash.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { toXast } from 'hast-util-to-xast';
import type { Element, Root } from 'xast';
import { elements, openEpub, textOf } from './helpers/epub-reader.ts';
import { copyFixture } from './helpers/fixture.ts';
import { assertNoCrash, messageLines, runZineAsync } from './helpers/hostile.ts';

const REPRODUCIBLE = { ...process.env, SOURCE_DATE_EPOCH: '1717200000' };
const OUTPUTS = ['a-minimal-zine.html', 'a-minimal-zine.pdf', 'a-minimal-zine.epub'];
const compact = (lines: string[]) => lines.map((line) => line.replace(/ {2,}/g, '  '));

/** Build `dir` into a sibling `build/` with `only`; the run and a reader for its outputs. */
async function build(dir: string, only: string, env = REPRODUCIBLE) {
  const out = path.join(path.dirname(dir), 'build');
  const run = await runZineAsync(['build', dir, '--out', out, '--only', only], { cwd: path.dirname(dir), env });
  assertNoCrash(run);
  return { run, out, read: (name: string) => readFileSync(path.join(out, name)) };
}

function parseHtml(text: string): Root {
  return toXast(fromHtml(text)) as Root;
}

test('a BOM on every file, CRLF and lone CR line ends: the same bytes in every output as the LF original, and the same message place', async () => {
  // Paragraphs over several lines keep their line ends in the text; an unused note gives a message with a place.
  const extend = (dir: string) => {
    const append = (name: string, text: string) => writeFileSync(path.join(dir, name), `${readFileSync(path.join(dir, name), 'utf8')}${text}`);
    append('01-first.md', '\nA paragraph\nover three\nlines.\n');
    append('02-second.md', '\n第一行\n第二行。\n\n[^z]: Unused.\n');
  };
  const plain = copyFixture('minimal');
  extend(plain);
  const awkward = copyFixture('minimal');
  extend(awkward);
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  for (const [name, lineEnd] of [['zine.yaml', '\r\n'], ['01-first.md', '\r\n'], ['02-second.md', '\r']] as const) {
    const text = readFileSync(path.join(awkward, name), 'utf8').replace(/\n/g, lineEnd);
    writeFileSync(path.join(awkward, name), Buffer.concat([bom, Buffer.from(text)]));
  }
  const [before, after] = await Promise.all([build(plain, 'html,pdf,epub'), build(awkward, 'html,pdf,epub')]);
  assert.equal(before.run.status, 0, before.run.stderr);
  assert.equal(after.run.status, 0, after.run.stderr);
  const warning = ['manuscript/02-second.md:14:1  warning  Footnote `[^z]` is defined but never called  unused-footnote'];
  assert.deepEqual(compact(messageLines(before.run)), warning);
  assert.deepEqual(compact(messageLines(after.run)), warning);
  for (const name of OUTPUTS) assert.ok(before.read(name).equals(after.read(name)), `${name} differs`);
  const page = parseHtml(after.read('a-minimal-zine.html').toString('utf8'));
  assert.equal(textOf(elements(page, 'title')[0]!), 'A Minimal Zine');
  assert.equal(textOf(elements(page, 'h1').find((heading) => textOf(heading).includes('First'))!), 'The First Chapter');
  assert.doesNotMatch(after.read('a-minimal-zine.html').toString('utf8'), /\uFEFF/);
});

/** `count` notes, each called once: `Sentence N has a note.[^nK]`. */
function notesChapter(title: string, first: number, count: number): string {
  const calls = Array.from({ length: count }, (_, index) => `Sentence ${first + index} has a note.[^n${index}]\n`);
  const notes = Array.from({ length: count }, (_, index) => `[^n${index}]: Note ${first + index}.\n`);
  return `# ${title}\n\n${calls.join('\n')}\n${notes.join('\n')}`;
}

test('2000 notes over two chapters are numbered 1–2000 in the HTML and the EPUB; duplicate and nested notes are warnings', async () => {
  const dir = copyFixture('minimal');
  writeFileSync(path.join(dir, '01-first.md'), notesChapter('First', 1, 1000));
  writeFileSync(path.join(dir, '02-second.md'), `${notesChapter('Second', 1001, 998)}\nTwice labelled.[^dup] Nested.[^outer]\n\n[^dup]: The first definition.\n\n[^dup]: The second definition.\n\n[^outer]: Calls another[^inner].\n\n[^inner]: Inside.\n`);
  const { run, read } = await build(dir, 'html,epub');
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(compact(messageLines(run)), [
    'manuscript/02-second.md:3999:1  warning  Footnote `[^dup]` is defined twice: the first definition is used  duplicate-footnote',
    'manuscript/02-second.md:4001:24  warning  Footnote `[^inner]` is called inside another footnote: notes cannot nest, so the call is shown as text  nested-footnote',
  ]);

  const page = parseHtml(read('a-minimal-zine.html').toString('utf8'));
  const calls = elements(page, 'a').filter((link) => link.attributes.role === 'doc-noteref');
  assert.deepEqual(calls.map((call) => textOf(call)), Array.from({ length: 2000 }, (_, index) => String(index + 1)));
  const notes = elements(page, 'li').filter((item) => /^note-\d+$/.test(String(item.attributes.id)));
  assert.deepEqual(notes.map((note) => note.attributes.id), calls.map((call) => String(call.attributes.href).slice(1)));
  assert.match(textOf(notes[0]!), /^Note 1\./);
  assert.match(textOf(notes[1997]!), /^Note 1998\./);
  assert.match(textOf(notes[1998]!), /^The first definition\./);
  assert.match(textOf(notes[1999]!), /^Calls another\[\^inner\]\./);

  const epub = openEpub(new Uint8Array(read('a-minimal-zine.epub')));
  const chapters = Object.keys(epub.entries).filter((name) => /\/\d+-.*\.xhtml$/.test(name)).sort();
  const refs = chapters.flatMap((name) => elements(epub.xml(name), 'a').filter((link) => link.attributes['epub:type'] === 'noteref'));
  assert.deepEqual(refs.map((ref) => textOf(ref)), Array.from({ length: 2000 }, (_, index) => String(index + 1)));
  const asides = chapters.flatMap((name) => elements(epub.xml(name), 'aside'));
  assert.deepEqual(asides.map((aside) => aside.attributes.id), Array.from({ length: 2000 }, (_, index) => `note-${index + 1}`));
});

/** Nesting depth of `name` elements inside each other, at the deepest point of `tree`. */
function deepest(tree: Root | Element, name: string, depth = 0): number {
  let max = depth;
  for (const child of tree.children) {
    if (child.type === 'element') max = Math.max(max, deepest(child, name, depth + (child.name === name ? 1 : 0)));
  }
  return max;
}

test('200-deep quotes, lists and both mixed build to the HTML and EPUB with every level; the PDF is made or refused with a message', async () => {
  const dir = copyFixture('minimal');
  const quoteLines = Array.from({ length: 200 }, (_, level) => `${'>'.repeat(level + 1)} quote ${level}`).join('\n');
  const listLines = Array.from({ length: 200 }, (_, level) => `${'  '.repeat(level)}- item ${level}`).join('\n');
  const mixed = `${'> - '.repeat(100)}deepest mixed`;
  writeFileSync(path.join(dir, '02-second.md'), `# Deep\n\n${'>'.repeat(200)} deepest quote\n\n${quoteLines}\n\n${listLines}\n\n${mixed}\n`);
  const { run, read } = await build(dir, 'html,epub');
  assert.equal(run.status, 0, run.stderr);
  const page = parseHtml(read('a-minimal-zine.html').toString('utf8'));
  assert.equal(deepest(page, 'blockquote'), 200);
  assert.equal(deepest(page, 'ul'), 200);
  for (const text of ['deepest quote', 'quote 199', 'item 199', 'deepest mixed']) assert.ok(textOf(page).includes(text), text);
  const epub = openEpub(new Uint8Array(read('a-minimal-zine.epub')));
  const chapter = epub.xml(Object.keys(epub.entries).find((name) => name.endsWith('-second.xhtml'))!);
  assert.equal(deepest(chapter, 'ul'), 200);

  const pdf = await build(dir, 'pdf');
  if (pdf.run.status === 0) assert.ok(readdirSync(pdf.out).includes('a-minimal-zine.pdf'));
  else assert.match(pdf.run.stderr, /^manuscript\/zine\.yaml:1:1\s+error\s+Could not build the pdf: .+\s+output-failed$/m);
});

test('nesting too deep for the tree tools is an error at its place (300 lists) or at the top (20000 quotes), never a stack overflow', async () => {
  const dir = copyFixture('minimal');
  writeFileSync(path.join(dir, '01-first.md'), `# Lists\n\n${'- '.repeat(300)}too deep\n`);
  writeFileSync(path.join(dir, '02-second.md'), `# Quotes\n\n${'>'.repeat(20_000)} far too deep\n`);
  const run = await runZineAsync(['check', dir], { cwd: path.dirname(dir) });
  assertNoCrash(run);
  assert.equal(run.status, 1);
  assert.deepEqual(compact(messageLines(run)), [
    'manuscript/01-first.md:3:501  error  Text is nested more than 500 levels deep here (lists, quotes or emphasis inside each other): flatten it  nesting-too-deep',
    'manuscript/02-second.md:1:1  error  Text is nested too deeply to parse (lists, quotes or emphasis inside each other thousands of times): flatten it  nesting-too-deep',
  ]);
});
