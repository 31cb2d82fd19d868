// `zine import`: a .docx written by LibreOffice becomes a manuscript that keeps its notes, image, table and text, and builds.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { parseDocument } from 'yaml';
import { describeProblems, epubcheck } from './helpers/epubcheck.ts';
import { openEpub, textOf } from './helpers/epub-reader.ts';
import { FIXTURES_DIR, runZine } from './helpers/fixture.ts';
import { readPdfText } from './pdf-text.ts';

const DOCX = path.join(FIXTURES_DIR, 'word', 'tenants-together.docx');
const work = mkdtempSync(path.join(tmpdir(), 'zine-import-'));
const imported = runZine(['import', DOCX, 'tenants'], work);
const dir = path.join(work, 'tenants');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

test('the document becomes two chapters, split at its top heading level, with title, author and language from its properties', () => {
  assert.equal(imported.status, 0, imported.stderr);
  const config = parseDocument(read('zine.yaml')).toJS();
  assert.equal(config.title, 'Tenants Together');
  assert.deepEqual(config.authors, ['Rosa Ortiz']);
  assert.equal(config.lang, 'en-GB');
  assert.match(config.identifier, /^urn:uuid:/);
  assert.deepEqual(config.chapters, ['01-why-we-organise.md', '02-what-we-won.md']);
  assert.match(read('01-why-we-organise.md'), /^# Why We Organise\n[\s\S]*\n## The Letters\n/);
  assert.match(read('02-what-we-won.md'), /^# What We Won\n/);
});

test('emphasis, links, quotations, lists, tables and the image with its alt text are kept as Markdown', async () => {
  const first = read('01-why-we-organise.md');
  assert.match(first, /Rents rose \*again\* this spring, and the landlord ignored \*\*every\*\* letter\./);
  assert.match(first, /\[tenants' rights guide\]\(https:\/\/example\.org\/rights\)/);
  assert.match(first, /\n> We are not asking for charity; we are asking for repairs\.\n/);
  assert.match(first, /\n- Meet on Thursdays\.\n- Keep a log of every fault\.\n/);
  assert.match(first, /\n!\[A yellow sun over a blue courtyard\]\(images\/01-a-yellow-sun-over-a-blue-courtyard\.png\)\n/);
  assert.deepEqual(readdirSync(path.join(dir, 'images')), ['01-a-yellow-sun-over-a-blue-courtyard.png']);
  const image = await sharp(path.join(dir, 'images', '01-a-yellow-sun-over-a-blue-courtyard.png')).metadata();
  assert.deepEqual([image.format, image.width, image.height], ['png', 240, 160]);
  assert.match(read('02-what-we-won.md'), /\| Repair \| Days \|\n\| -+ \| -+ \|\n\| Boiler \| 12 +\|\n\| Light +\| 30 +\|/);
});

test('footnotes and the endnote become [^n] notes, each defined in the chapter that cites it', () => {
  const first = read('01-why-we-organise.md');
  const second = read('02-what-we-won.md');
  assert.match(first, /letter\.\[\^1\] Read/);
  assert.match(first, /\n\[\^1\]: Letters of 3 March and 9 April\.\n$/);
  assert.match(second, /promises\.\[\^2\]\n/);
  assert.match(second, /\n\[\^2\]: The boiler and the stairwell light\.\n/);
  assert.match(second, /text\.\[\^3\]\n/);
  assert.match(second, /\n\[\^3\]: Minutes are kept by the secretary\.\n$/);
  assert.doesNotMatch(first + second, /↑|footnote-|endnote-/);
});

test('what Markdown cannot keep is reported at its place in the written chapter', () => {
  const second = read('02-what-we-won.md').split('\n');
  const line = second.findIndex((text) => text.includes('*underlined*'));
  const column = second[line]!.indexOf('underlined') + 1;
  assert.match(imported.stderr, new RegExp(`tenants/02-what-we-won\\.md:${line + 1}:${column}\\s+warning\\s+Underline is not kept.*import-underline`));
});

test('import refuses to write over a manuscript, exit 2, naming it', () => {
  const again = runZine(['import', DOCX, 'tenants'], work);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /tenants\/zine\.yaml already exists/);
});

test('the imported manuscript builds, every note in place in the PDF and the EPUB (EPUBCheck clean)', async () => {
  const build = runZine(['build', 'tenants', '--only', 'pdf,epub'], work);
  assert.equal(build.status, 0, build.stderr);
  const epubBytes = new Uint8Array(readFileSync(path.join(work, 'build', 'tenants-together.epub')));
  const pending = epubcheck(epubBytes);
  const pages = await readPdfText(new Uint8Array(readFileSync(path.join(work, 'build', 'tenants-together.pdf'))));
  const pageOf = (text: string) => pages.findIndex((page) => page.items.map((item) => item.text).join('').replaceAll('\u00ad', '').includes(text));
  // Each note is at the foot of the page that cites it.
  assert.equal(pageOf('Letters of 3 March and 9 April.'), pageOf('Rents rose'));
  assert.equal(pageOf('The boiler and the stairwell light.'), pageOf('Two repairs in a month'));
  assert.equal(pageOf('Minutes are kept by the secretary.'), pageOf('note ends the text'));
  assert.ok(pageOf('Boiler') >= 0 && pageOf('Keep a log of every fault.') >= 0);
  const epub = openEpub(epubBytes);
  const chapter = Object.keys(epub.entries).find((name) => name.endsWith('what-we-won.xhtml'))!;
  const chapterText = textOf(epub.xml(chapter));
  for (const note of ['The boiler and the stairwell light.', 'Minutes are kept by the secretary.']) assert.ok(chapterText.includes(note), note);
  const report = await pending;
  const { nFatal, nError, nWarning } = report.checker;
  assert.deepEqual({ nFatal, nError, nWarning }, { nFatal: 0, nError: 0, nWarning: 0 }, describeProblems(report));
});
