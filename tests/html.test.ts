// The HTML edition of the seed manuscript, read back as a tree: notes, figures, languages, contents, images.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import sharp from 'sharp';
import { runZine, SEED_DIR } from './helpers/fixture.ts';
import { renderHtmlEdition } from '../scripts/html/index.ts';
import { loadBook } from '../scripts/manuscript/index.ts';

const out = mkdtempSync(path.join(tmpdir(), 'zine-html-'));
const result = runZine(['build', SEED_DIR, '--out', out, '--only', 'html']);
const page = fromHtml(readFileSync(path.join(out, 'kazakhstan-after-the-uprising.html'), 'utf8'));

test('the seed builds its HTML edition with exit 0 and a progress line', () => {
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /zine: html\s+\S+kazakhstan-after-the-uprising\.html\s+\d+ ms/);
});

test('the page is English, phone-ready, titled, with a contents list of the 7 chapters', () => {
  assert.equal(select('html', page)?.properties.lang, 'en');
  assert.match(String(select('meta[name=viewport]', page)?.properties.content), /width=device-width/);
  assert.equal(toString(select('title', page)!), 'Kazakhstan after the Uprising');
  const entries = selectAll('nav.contents li a', page);
  assert.equal(entries.length, 7);
  for (const entry of entries) assert.ok(select(`section${entry.properties.href}`, page), `${entry.properties.href} exists`);
});

test('4 notes: numbered calls link to endnotes that link back', () => {
  const calls = selectAll('a.noteref', page);
  assert.deepEqual(calls.map((call) => toString(call)), ['1', '2', '3', '4']);
  const notes = selectAll('section.endnotes li', page);
  assert.equal(notes.length, 4);
  for (const [index, note] of notes.entries()) {
    assert.equal(note.properties.id, `note-${index + 1}`);
    assert.equal(select('a[role=doc-backlink]', note)?.properties.href, `#noteref-${index + 1}`);
  }
  assert.match(toString(notes[0]!), /^From December 17-19, 1986/);
  assert.match(toString(notes[3]!), /This news article explores this issue/);
});

test('the note call stands where the seed had its digit', () => {
  const paragraph = selectAll('p', page).find((node) => toString(node).includes('carrying out a massacre,'));
  assert.match(toString(paragraph!), /carrying out a massacre,1 and in 2011/);
});

test('10 figures with captions (their alt text, emptied so it is read once), images resized for the screen', async () => {
  const figures = selectAll('figure', page);
  assert.equal(figures.length, 10);
  for (const figure of figures) {
    const image = select('img', figure)!;
    assert.ok(toString(select('figcaption', figure)!).length > 10);
    assert.equal(image.properties.alt, '');
    const { width } = await sharp(path.join(out, String(image.properties.src))).metadata();
    assert.ok(width! <= 1400, `${image.properties.src} is ${width}px wide`);
  }
});

test('the interview is a zh-Hans section, the rest inherits English', () => {
  const chinese = selectAll('section.chapter', page).filter((section) => section.properties.lang === 'zh-Hans');
  assert.equal(chinese.length, 1);
  assert.match(toString(select('h1', chinese[0]!)!), /^采访:阿拉木图/);
  assert.equal(selectAll('section.chapter', page).length, 7);
});

test('the quotations are blockquotes and the numbered analysis a list', () => {
  assert.ok(selectAll('blockquote', page).length >= 9);
  assert.equal(selectAll('blockquote ol > li', page).length, 3);
});

test('a note called twice links back to each of its calls', async () => {
  const { book } = await loadBook(path.join(SEED_DIR, '../tests/fixtures/epub-edge'));
  const edition = fromHtml((await renderHtmlEdition(book!)).html);
  const links = selectAll('li#note-1 a[role=doc-backlink]', edition).map((link) => [link.properties.href, toString(link), link.properties.ariaLabel]);
  assert.deepEqual(links, [['#noteref-1', '↩', 'Back to note 1 in the text'], ['#noteref-1-2', '↩2', 'Back to note 1 in the text (2)']]);
  for (const [href] of links) assert.ok(select(`a${String(href)}, [id="${String(href).slice(1)}"]`, edition), `${href} is a call in the page`);
});

test('images are numbered in reading order, whichever image check ends first', async () => {
  // The first image takes far longer to decode than the second: their checks end in the other order.
  const dir = mkdtempSync(path.join(tmpdir(), 'zine-html-order-'));
  const noise = Buffer.alloc(2400 * 2400 * 3);
  for (let index = 0; index < noise.length; index++) noise[index] = (index * 2654435761) >>> 24;
  await sharp(noise, { raw: { width: 2400, height: 2400, channels: 3 } }).png({ compressionLevel: 1 }).toFile(path.join(dir, 'slow.png'));
  await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toFile(path.join(dir, 'quick.png'));
  writeFileSync(path.join(dir, 'zine.yaml'), 'title: Order\nlang: en\ndate: 2024-01-01\nidentifier: urn:uuid:00000000-0000-4000-8000-00000000000f\nchapters:\n  - a.md\n');
  writeFileSync(path.join(dir, 'a.md'), '# Order\n\n![Noise.](slow.png)\n\n![Grey.](quick.png)\n');
  const { book, files } = await loadBook(dir);
  assert.ok(book, files.flatMap((file) => file.messages.map(String)).join('\n'));
  assert.deepEqual([...book.images.keys()], ['slow.png', 'quick.png']);
  const edition = await renderHtmlEdition(book);
  assert.deepEqual([...edition.html.matchAll(/<img src="[^"]*\/(\d\d-\w+)\.\w+"/g)].map((match) => match[1]), ['01-slow', '02-quick']);
});
