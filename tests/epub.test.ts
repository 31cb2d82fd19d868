// The EPUB stage: EPUBCheck-clean books from the seed and fixtures, pop-up notes, images, metadata, reproducible bytes, no fetches.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { h } from 'hastscript';
import sharp from 'sharp';
import type { Element as XastElement } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { configSchema } from '../scripts/config/schema.ts';
import { chapterFileNames, rehypeEpubNotes, renderEpub } from '../scripts/epub/index.ts';
import { rehypeEpubLinks } from '../scripts/epub/links.ts';
import { toXhtmlFragment, rehypeXhtmlCompat } from '../scripts/epub/xhtml.ts';
import type { Book } from '../scripts/manuscript/book.ts';
import { loadBook } from '../scripts/manuscript/index.ts';
import { launchBrowser, resolveBrowser } from '../scripts/print/browser.ts';
import { elements, localHeaders, openEpub, textOf, withAncestors, type OpenedEpub } from './helpers/epub-reader.ts';
import { ace, seriousFindings } from './helpers/ace.ts';
import { describeProblems, epubcheck, type EpubCheckReport } from './helpers/epubcheck.ts';
import { copyFixture, SEED_DIR } from './helpers/fixture.ts';

const MODIFIED = new Date('2022-01-13T12:00:00Z');
const COVER = new Uint8Array(await sharp({ create: { width: 600, height: 900, channels: 3, background: '#777777' } }).jpeg().toBuffer());
const PNG_COVER = new Uint8Array(await sharp({ create: { width: 600, height: 900, channels: 4, background: '#77777780' } }).png().toBuffer());

interface Built {
  book: Book;
  bytes: Uint8Array;
  epub: OpenedEpub;
  reports: { reason: string; src?: string }[];
}

type Cover = { bytes: Uint8Array; mediaType: 'image/jpeg' | 'image/png' };

async function buildBook(book: Book, modified = MODIFIED, cover: Cover = { bytes: COVER, mediaType: 'image/jpeg' }): Promise<Built> {
  const reports: Built['reports'] = [];
  const bytes = await renderEpub(book, { cover, modified, report: (reason, src) => reports.push({ reason, src }) });
  return { book, bytes, epub: openEpub(bytes), reports };
}

async function build(manuscriptDir: string, modified = MODIFIED, cover?: Cover): Promise<Built> {
  const { book, files } = await loadBook(manuscriptDir);
  assert.ok(book, files.flatMap((file) => file.messages.map(String)).join('\n'));
  return buildBook(book, modified, cover);
}

/** EPUBCheck runs are slow (a JVM each): start them early, in parallel, and await them in the tests. */
function check(bytes: Uint8Array): Promise<EpubCheckReport | Error> {
  return epubcheck(bytes).catch((error: Error) => error);
}

async function assertClean(pending: Promise<EpubCheckReport | Error>) {
  const report = await pending;
  if (report instanceof Error) throw report;
  const { nFatal, nError, nWarning } = report.checker;
  assert.deepEqual({ nFatal, nError, nWarning }, { nFatal: 0, nError: 0, nWarning: 0 }, describeProblems(report));
}

/** A loopback HTTP server that counts requests (and would serve a PNG, were it ever asked). */
async function countingServer() {
  const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000000' } }).png().toBuffer();
  let requests = 0;
  const server = createServer((_request, response) => {
    requests++;
    response.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests, close: () => server.close() };
}

const seed = await build(SEED_DIR);
const edge = await build(path.join(SEED_DIR, '../tests/fixtures/epub-edge'));
const plain = await build(path.join(SEED_DIR, '../tests/fixtures/epub-plain'), MODIFIED, { bytes: PNG_COVER, mediaType: 'image/png' });
const server = await countingServer();
const remoteDir = copyFixture('epub-remote');
const remoteChapter = path.join(remoteDir, '01-remote.md');
writeFileSync(remoteChapter, readFileSync(remoteChapter, 'utf8').replace('{{SERVER}}', server.host));
const remote = await build(remoteDir);
const checks = { seed: check(seed.bytes), edge: check(edge.bytes), plain: check(plain.bytes), remote: check(remote.bytes) };

const opf = (built: Built) => built.epub.xml('OEBPS/content.opf');
const metaText = (built: Built, name: string) => elements(opf(built), name).map(textOf);
const metaProperty = (built: Built, property: string) => elements(opf(built), 'meta').filter((meta) => meta.attributes.property === property).map(textOf);
const chapterFiles = (built: Built) => Object.keys(built.epub.entries).filter((name) => /^OEBPS\/\d+-.*\.xhtml$/.test(name)).sort();
const chapterElements = (built: Built, name: string) => chapterFiles(built).flatMap((file) => elements(built.epub.xml(file), name).map((node) => ({ file, node })));

// Units

test('rehypeEpubNotes: calls become noterefs in <sup>, notes become footnote asides with a back link to each call', () => {
  const content = [h('p', 'The note.')];
  const tree = h(null, [h('p', ['Text', h('a', { dataNoteCall: '3' }), ' and again', h('a', { dataNoteCall: '3' })])]);
  rehypeEpubNotes({ notes: [{ number: 3, content }] })(tree);
  const html = toXhtmlFragment(tree);
  assert.match(html, /Text<sup class="noteref"><a epub:type="noteref" role="doc-noteref" href="#note-3" id="noteref-3">3<\/a><\/sup>/);
  assert.match(html, /again<sup class="noteref"><a epub:type="noteref" role="doc-noteref" href="#note-3" id="noteref-3-2">3<\/a><\/sup>/);
  assert.match(html, /<aside epub:type="footnote" role="doc-footnote" id="note-3" class="footnote"><p><a role="doc-backlink" href="#noteref-3" class="note-number" aria-label="Back to note 3 in the text">3<\/a> <a role="doc-backlink" href="#noteref-3-2" class="note-number" aria-label="Back to note 3 in the text \(2\)">3\.2<\/a>\. The note\.<\/p><\/aside>/);
  assert.deepEqual(content, [h('p', 'The note.')], 'the book model’s note content is copied, not changed');
  assert.throws(() => rehypeEpubNotes({ notes: [] })(h(null, [h('a', { dataNoteCall: '1' })])), /Note call 1/);
});

test('rehypeEpubLinks: fragments follow their target into other chapter files; dead and local-file links are reported and unlinked', () => {
  const reports: string[] = [];
  const tree = h(null, [h('a', { href: '#here' }), h('a', { href: '#there' }), h('a', { href: '#gone' }), h('a', { href: 'file.pdf' }), h('a', { href: 'https://example.org/' })]);
  const targets = new Map([['here', '01-a.xhtml'], ['there', '02-b.xhtml']]);
  rehypeEpubLinks({ file: '01-a.xhtml', targets, report: (_reason, src) => reports.push(src!) })(tree);
  assert.deepEqual(tree.children.map((node) => (node as { properties: { href?: string } }).properties.href), ['#here', '02-b.xhtml#there', undefined, undefined, 'https://example.org/']);
  assert.deepEqual(reports, ['#gone', 'file.pdf']);
});

test('toXhtmlFragment writes well-formed XHTML: void elements self-closed, booleans with values, text escaped, align as style', () => {
  const tree = h(null, [h('p', { hidden: true, lang: 'zh-Hans' }, ['a < b & c', h('br')]), h('a', { id: 'x' }), h('td', { align: 'center' }, 'v'), h('img', { src: 'i.png', alt: '"q"' })]);
  rehypeXhtmlCompat()(tree);
  const xhtml = toXhtmlFragment(tree);
  assert.equal(xhtml, '<p hidden="" lang="zh-Hans" xml:lang="zh-Hans">a &#x3C; b &#x26; c<br /></p><a id="x"></a><td style="text-align: center;">v</td><img src="i.png" alt="&#x22;q&#x22;" />');
  assert.doesNotThrow(() => fromXml(`<body xmlns="http://www.w3.org/1999/xhtml">${xhtml}</body>`));
});

test('chapter files are named from ids in reading order, valid for any id', () => {
  assert.deepEqual(chapterFileNames([{ id: 'introduction' }, { id: 'chapter-2' }, { id: '中文' }]), ['01-introduction.xhtml', '02-chapter-2.xhtml', '03-chapter.xhtml']);
});

// The seed

test('seed: EPUBCheck finds 0 fatals, 0 errors, 0 warnings', async () => {
  await assertClean(checks.seed);
});

test('seed: mimetype is the first entry, stored, without extra field; the rest in a fixed order', () => {
  const headers = localHeaders(seed.bytes);
  assert.deepEqual(headers[0], { name: 'mimetype', method: 0, extraLength: 0, offset: 0 });
  assert.equal(seed.epub.text('mimetype'), 'application/epub+zip');
  const rest = headers.slice(1).map((header) => header.name);
  assert.deepEqual(rest, [...rest].sort());
  assert.ok(!rest.some((name) => name.endsWith('/')), 'no folder entries');
});

test('seed: metadata comes from zine.yaml verbatim, modified from the option, with no library defaults', () => {
  const { config } = seed.book;
  assert.deepEqual(metaText(seed, 'dc:identifier'), [config.identifier]);
  assert.deepEqual(metaText(seed, 'dc:title'), [config.title, config.subtitle]);
  const subtitle = elements(opf(seed), 'dc:title')[1]!;
  assert.deepEqual(metaProperty(seed, 'title-type'), ['main', 'subtitle']);
  assert.equal(elements(opf(seed), 'meta').find((meta) => meta.attributes.property === 'title-type' && meta.attributes.refines === `#${subtitle.attributes.id}`)?.children.length, 1);
  assert.deepEqual(metaText(seed, 'dc:language'), ['en', 'zh-Hans']);
  assert.deepEqual(metaText(seed, 'dc:date'), ['2022-01-13']);
  assert.deepEqual(metaText(seed, 'dc:description'), [config.description]);
  assert.deepEqual(metaText(seed, 'dc:rights'), ['Text reproduced as published; photographs not included.']);
  assert.deepEqual(metaText(seed, 'dc:creator'), [], 'the seed names no authors');
  assert.deepEqual(metaProperty(seed, 'dcterms:modified'), ['2022-01-13T12:00:00Z']);
  for (const [name, entry] of Object.entries(seed.epub.entries)) {
    if (!/\.(opf|ncx|xhtml|css|xml)$/.test(name)) continue;
    const text = new TextDecoder().decode(entry);
    assert.doesNotMatch(text, /All rights reserved|Copyright ©|epub-gen|anonymous/i, name);
  }
});

test('seed: accessibility metadata', () => {
  assert.deepEqual(metaProperty(seed, 'schema:accessMode'), ['textual', 'visual']);
  assert.deepEqual(metaProperty(seed, 'schema:accessModeSufficient'), ['textual', 'textual,visual']);
  for (const feature of ['alternativeText', 'structuralNavigation', 'tableOfContents', 'readingOrder']) assert.ok(metaProperty(seed, 'schema:accessibilityFeature').includes(feature), feature);
  assert.deepEqual(metaProperty(seed, 'schema:accessibilityHazard'), ['none']);
  assert.deepEqual(metaProperty(seed, 'schema:accessibilitySummary'), [seed.book.config.epub.accessibilitySummary]);
});

test('seed: 4 noterefs in <sup> point to 4 footnote asides in the same file, each linking back', () => {
  const refs = chapterFiles(seed).flatMap((file) => withAncestors(seed.epub.xml(file), 'a').filter(({ node }) => node.attributes['epub:type'] === 'noteref').map((ref) => ({ file, ...ref })));
  assert.deepEqual(refs.map(({ node }) => textOf(node)), ['1', '2', '3', '4']);
  const asides = chapterElements(seed, 'aside');
  assert.equal(asides.length, 4);
  for (const [index, { file, node, ancestors }] of refs.entries()) {
    const number = index + 1;
    assert.equal(ancestors.at(-1)?.name, 'sup');
    assert.deepEqual([node.attributes.href, node.attributes.id, node.attributes.role], [`#note-${number}`, `noteref-${number}`, 'doc-noteref']);
    const aside = asides.find(({ node: candidate }) => candidate.attributes.id === `note-${number}`);
    assert.equal(aside?.file, file, `note ${number} sits in the file that calls it`);
    assert.deepEqual([aside.node.attributes['epub:type'], aside.node.attributes.role], ['footnote', 'doc-footnote']);
    const back = elements(aside.node, 'a').find((link) => link.attributes.role === 'doc-backlink');
    assert.equal(back?.attributes.href, `#noteref-${number}`);
  }
  assert.match(textOf(asides[0]!.node), /^1\. From December 17-19, 1986/);
});

test('seed: 10 figures keep their captions, alt text not repeating them; images are in the manifest, ≤ 1600 px, sized in the markup', async () => {
  const images = chapterElements(seed, 'img');
  assert.equal(images.length, 10);
  const items = new Map(elements(opf(seed), 'item').map((item) => [item.attributes.href, item.attributes]));
  for (const { file, node } of images) {
    const figure = withAncestors(seed.epub.xml(file), 'img').find((found) => found.node.attributes.src === node.attributes.src)!.ancestors.at(-1)!;
    assert.equal(figure.name, 'figure');
    const caption = elements(figure, 'figcaption')[0];
    assert.ok(caption && textOf(caption).length > 10, `${node.attributes.src} has a caption`);
    // The seed's alt texts are its captions: emptied, so a screen reader reads the words once, as the caption.
    assert.equal(node.attributes.alt, '', `${node.attributes.src}: alt text that repeats the caption`);
    const src = node.attributes.src!;
    assert.match(src, /^images\/\d{2}-[a-z0-9-]+\.(png|jpg)$/);
    assert.equal(items.get(src)?.['media-type'], src.endsWith('.png') ? 'image/png' : 'image/jpeg');
    const { width, height } = await sharp(seed.epub.entries[`OEBPS/${src}`]!).metadata();
    assert.ok(Math.max(width, height) <= 1600);
    assert.deepEqual([node.attributes.width, node.attributes.height], [String(width), String(height)]);
  }
});

test('seed: the cover is the cover-image item and the first page of the spine', () => {
  const cover = elements(opf(seed), 'item').find((item) => item.attributes.properties === 'cover-image')!;
  assert.equal(cover.attributes['media-type'], 'image/jpeg');
  assert.deepEqual(seed.epub.entries[`OEBPS/${cover.attributes.href}`], COVER);
  const spine = elements(opf(seed), 'itemref').map((ref) => ref.attributes.idref);
  assert.deepEqual(spine.slice(0, 3), ['cover', 'titlepage', 'nav']);
  const page = elements(seed.epub.xml('OEBPS/cover.xhtml'), 'img')[0]!;
  assert.deepEqual([page.attributes.src, page.attributes.alt], [cover.attributes.href, 'Cover: Kazakhstan after the Uprising']);
});

test('seed: each chapter sets its language on <html>; the Chinese one is zh-Hans with a stable file name', () => {
  const languages = chapterFiles(seed).map((file) => {
    const html = elements(seed.epub.xml(file), 'html')[0]!;
    assert.equal(html.attributes.lang, html.attributes['xml:lang']);
    return [file, html.attributes['xml:lang']];
  });
  assert.deepEqual(languages, [
    ['OEBPS/01-introduction.xhtml', 'en'],
    ['OEBPS/02-the-prison-of-nations.xhtml', 'en'],
    ['OEBPS/03-misinformation.xhtml', 'en'],
    ['OEBPS/04-a-spring-delayed.xhtml', 'en'],
    ['OEBPS/05-remembering-the-dead.xhtml', 'en'],
    ['OEBPS/06-interview-almaty.xhtml', 'zh-Hans'],
    ['OEBPS/07-further-reading.xhtml', 'en'],
  ]);
});

test('seed: nav lists the 7 chapters and the cover, toc and bodymatter landmarks; the NCX matches', () => {
  const nav = seed.epub.xml('OEBPS/toc.xhtml');
  const [toc, landmarks] = elements(nav, 'nav');
  const links = elements(toc!, 'a');
  assert.deepEqual(links.map((link) => link.attributes.href), chapterFiles(seed).map((file) => file.replace('OEBPS/', '')));
  assert.deepEqual(links.map(textOf), seed.book.chapters.map((chapter) => chapter.title));
  assert.equal(links[5]!.attributes['xml:lang'], 'zh-Hans');
  assert.deepEqual(elements(landmarks!, 'a').map((link) => [link.attributes['epub:type'], link.attributes.href]), [
    ['cover', 'cover.xhtml'],
    ['toc', 'toc.xhtml#toc'],
    ['bodymatter', '01-introduction.xhtml'],
  ]);
  assert.deepEqual(elements(landmarks!, 'a').map(textOf), ['Cover', 'Contents', seed.book.chapters[0]!.title]);
  const ncx = seed.epub.xml('OEBPS/toc.ncx');
  assert.equal(elements(ncx, 'meta').find((meta) => meta.attributes.name === 'dtb:uid')?.attributes.content, seed.book.config.identifier);
  assert.deepEqual(elements(ncx, 'content').map((content) => content.attributes.src), links.map((link) => link.attributes.href));
});

test('seed: the stylesheet leaves sizes, colours and line spacing to the reader and has CJK rules', () => {
  const css = seed.epub.text('OEBPS/style.css');
  const declarations = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([a-z-]+)\s*:\s*([^;{}]+);/g)].map(([, property, value]) => [property!, value!.trim()] as const);
  assert.ok(declarations.length > 50);
  for (const [property, value] of declarations) {
    if (/\d(px|pt|pc|cm|mm|in)\b/.test(value)) assert.match(property, /^border/, `${property}: ${value} is a fixed length`);
    assert.doesNotMatch(property, /^(color|background|background-color)$/, `${property}: ${value} forces a colour`);
    if (property === 'font-family') assert.equal(value, 'monospace', 'the reader chooses the text font');
    if (property === 'line-height') assert.match(value, /^(0|1(\.\d+)?)$/, 'unitless line heights on headings and superscripts only');
  }
  assert.match(css, /:lang\(zh\)/);
});

test('seed: rendering leaves the book model untouched', () => {
  const calls = JSON.stringify(seed.book.chapters.map((chapter) => chapter.tree)).match(/"dataNoteCall"/g);
  assert.equal(calls?.length, 4);
});

test('reproducible: the same book and modified date give the same bytes, in any time zone; another date changes them', async () => {
  const zone = process.env.TZ;
  process.env.TZ = 'America/New_York';
  const again = await build(SEED_DIR).finally(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  assert.equal(sha256(again.bytes), sha256(seed.bytes));
  const later = await build(SEED_DIR, new Date('2023-05-06T07:08:09Z'));
  assert.notEqual(sha256(later.bytes), sha256(seed.bytes));
  assert.deepEqual(metaProperty(later, 'dcterms:modified'), ['2023-05-06T07:08:09Z']);
});

// Fixtures

test('epub-edge: EPUBCheck clean', async () => {
  await assertClean(checks.edge);
});

test('epub-edge: markup in metadata is escaped; two authors, publisher, subjects, no subtitle; toc title from config', () => {
  const { config } = edge.book;
  assert.deepEqual(metaText(edge, 'dc:title'), ['Edge Cases: <Ampersands> & “Quotes”']);
  assert.deepEqual(metaProperty(edge, 'title-type'), ['main']);
  assert.deepEqual(metaText(edge, 'dc:creator'), ['Ada Example', '王小明']);
  assert.deepEqual(metaProperty(edge, 'role'), ['aut', 'aut']);
  assert.deepEqual(metaText(edge, 'dc:publisher'), ['Fixture Press & Co.']);
  assert.deepEqual(metaText(edge, 'dc:rights'), [config.rights]);
  assert.deepEqual(metaText(edge, 'dc:subject'), ['Fixtures', 'Testing & validation']);
  assert.equal(textOf(elements(edge.epub.xml('OEBPS/toc.xhtml'), 'h1')[0]!), 'In this zine');
  assert.equal(textOf(elements(edge.epub.xml('OEBPS/titlepage.xhtml'), 'p').find((p) => p.attributes.class === 'rights')!), config.rights);
});

test('epub-edge: a large JPEG is scaled to 1600 px; a transparent PNG stays PNG with its alpha', async () => {
  const big = await sharp(edge.epub.entries['OEBPS/images/big.jpg']!).metadata();
  assert.deepEqual([big.format, big.width, big.height], ['jpeg', 1600, 1067]);
  const badge = await sharp(edge.epub.entries['OEBPS/images/alpha.png']!).metadata();
  assert.deepEqual([badge.format, badge.width, badge.hasAlpha], ['png', 200, true]);
});

test('epub-edge: a note called twice gets two noterefs with distinct ids and one footnote linking back to each', () => {
  const first = edge.epub.xml('OEBPS/01-first.xhtml');
  const refs = elements(first, 'a').filter((link) => link.attributes.role === 'doc-noteref');
  assert.deepEqual(refs.map((ref) => [ref.attributes.id, ref.attributes.href]), [['noteref-1', '#note-1'], ['noteref-1-2', '#note-1'], ['noteref-2', '#note-2']]);
  const asides = elements(first, 'aside');
  assert.equal(asides.length, 2);
  const backLinks = asides.map((aside) => elements(aside, 'a').filter((link) => link.attributes.role === 'doc-backlink').map((link) => [link.attributes.href, textOf(link), link.attributes['aria-label']]));
  assert.deepEqual(backLinks, [
    [['#noteref-1', '1', 'Back to note 1 in the text'], ['#noteref-1-2', '1.2', 'Back to note 1 in the text (2)']],
    [['#noteref-2', '2', 'Back to note 2 in the text']],
  ]);
});

test('epub-edge: alt text the caption repeats is emptied (read once), distinct alt text stays; the EPUB still claims alternativeText', () => {
  const first = edge.epub.xml('OEBPS/01-first.xhtml');
  const figures = elements(first, 'figure').map((figure) => [elements(figure, 'img')[0]!.attributes.alt, textOf(elements(figure, 'figcaption')[0]!)]);
  assert.deepEqual(figures, [['', 'A large photograph, wider than any e-reader'], ['', 'A transparent badge'], ['A grey gradient as a JPEG', 'Grey stays grey']]);
  assert.ok(elements(first, 'img').some((image) => image.attributes.alt === 'a grey bar'));
  assert.ok(metaProperty(edge, 'schema:accessibilityFeature').includes('alternativeText'));
});

test('epub-edge: greyscale images stay one grey channel, PNG and JPEG', async () => {
  for (const name of ['grey.png', 'grey.jpg']) {
    const { channels, space } = await sharp(edge.epub.entries[`OEBPS/images/${name}`]!).metadata();
    assert.deepEqual([name, channels, space], [name, 1, 'b-w']);
  }
  const photo = await sharp(edge.epub.entries['OEBPS/images/big.jpg']!).metadata();
  assert.equal(photo.channels, 3, 'a colour photograph stays colour');
});

test('epub-edge: links into another chapter name its file; dead links are reported at their place and unlinked', () => {
  const second = edge.epub.xml('OEBPS/02-chapter-2.xhtml');
  assert.equal(elements(second, 'html')[0]!.attributes['xml:lang'], 'zh-Hans');
  assert.ok(elements(second, 'a').some((link) => link.attributes.href === '01-first.xhtml#first-steps'));
  const linkWarnings = edge.book.chapters[0]!.file.messages.filter((message) => /^(dead-link|link-outside-book)$/.test(message.ruleId ?? ''));
  assert.deepEqual(linkWarnings.map((message) => [message.ruleId, message.line, message.column]), [['dead-link', 4, 3], ['link-outside-book', 4, 55]]);
  assert.deepEqual(edge.reports, [], 'the manuscript stage left the EPUB nothing to drop');
  const first = edge.epub.xml('OEBPS/01-first.xhtml');
  const dead = elements(first, 'a').filter((link) => ['dead link', 'a file the e-book lacks'].includes(textOf(link)));
  assert.deepEqual(dead.map((link) => link.attributes.href), [undefined, undefined]);
});

test('epub-edge: table alignment is CSS, not the obsolete align attribute', () => {
  const cells: XastElement[] = elements(edge.epub.xml('OEBPS/01-first.xhtml'), 'td');
  assert.deepEqual(cells.map((cell) => [cell.attributes.align, cell.attributes.style]), [[undefined, 'text-align: left;'], [undefined, 'text-align: center;'], [undefined, 'text-align: right;']]);
});

test('epub-plain: EPUBCheck clean with no description, rights, images or notes; only textual access claimed', async () => {
  await assertClean(checks.plain);
  const cover = elements(opf(plain), 'item').find((item) => item.attributes.properties === 'cover-image')!;
  assert.deepEqual([cover.attributes.href, cover.attributes['media-type']], ['cover.png', 'image/png']);
  assert.deepEqual(plain.epub.entries['OEBPS/cover.png'], PNG_COVER);
  assert.equal(elements(plain.epub.xml('OEBPS/cover.xhtml'), 'img')[0]!.attributes.src, 'cover.png');
  assert.deepEqual(metaText(plain, 'dc:description'), []);
  assert.deepEqual(metaText(plain, 'dc:rights'), []);
  assert.deepEqual(metaProperty(plain, 'schema:accessMode'), ['textual']);
  assert.ok(!metaProperty(plain, 'schema:accessibilityFeature').includes('alternativeText'));
  assert.deepEqual(Object.keys(plain.epub.entries).filter((name) => name.startsWith('OEBPS/images/')), []);
});

test('epub-remote: a remote image is left out by the manuscript stage, never fetched, and the EPUB is clean', async () => {
  assert.equal(server.requests(), 0);
  assert.deepEqual(chapterElements(remote, 'img'), []);
  assert.match(remote.epub.text('OEBPS/01-remote.xhtml'), /Before the picture\.[\s\S]*After the picture\./);
  await assertClean(checks.remote);
});

test('a remote src reaching the EPUB stage directly is reported and left out, with zero requests', async () => {
  const url = `http://${server.host}/direct.png`;
  const config = configSchema.parse({ title: 'Direct', identifier: 'urn:uuid:00000000-0000-4000-8000-0000000000e4', date: '2024-06-04', chapters: ['a.md'] });
  const tree = h(null, [h('h1', { id: 'a-direct' }, 'Direct'), h('figure', [h('img', { src: url, alt: 'Remote' }), h('figcaption', 'Remote')])]);
  const book: Book = { config, root: remoteDir, slug: 'direct', images: new Map(), chapters: [{ id: 'a', file: (await loadBook(remoteDir)).files[1]!, title: 'Direct', lang: 'en', tree, notes: [] }] };
  const built = await buildBook(book);
  assert.deepEqual(built.reports.map((report) => report.src), [url]);
  assert.deepEqual(chapterElements(built, 'img'), []);
  assert.equal(server.requests(), 0);
  server.close();
});

test('a cover whose bytes do not match its media type is refused', async () => {
  await assert.rejects(renderEpub(plain.book, { cover: { bytes: PNG_COVER, mediaType: 'image/jpeg' } }), /the cover is png, not image\/jpeg/);
});

// Accessibility: Ace by DAISY, the checker publishers run, on the seed and the edge cases.
const accessibility = { seed: ace(seed.bytes), edge: ace(edge.bytes) };

test('seed and epub-edge: Ace by DAISY finds nothing serious or critical', async () => {
  assert.deepEqual(seriousFindings(await accessibility.seed), []);
  assert.deepEqual(seriousFindings(await accessibility.edge), []);
});

test('Ace finds an image with no alt attribute in the seed EPUB (the check can fail)', async () => {
  const entries = { ...seed.epub.entries };
  const [file] = chapterFiles(seed).filter((name) => seed.epub.text(name).includes('<img'));
  entries[file!] = strToU8(seed.epub.text(file!).replace(/(<img[^>]*?) alt="[^"]*"/, '$1'));
  const { mimetype, ...rest } = entries;
  const broken = zipSync({ mimetype: [mimetype!, { level: 0 }], ...rest });
  assert.ok(seriousFindings(await ace(broken)).some((finding) => finding.includes('image-alt')));
});

test('seed: the cover fits the screen of a phone held upright and held sideways', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'zine-epub-cover-'));
  for (const [name, bytes] of Object.entries(seed.epub.entries)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), bytes);
  }
  const { browser, kill } = await launchBrowser(await resolveBrowser());
  try {
    const page = await browser.newPage({ type: 'window' });
    for (const [width, height] of [[390, 844], [844, 390]] as const) {
      await page.setViewport({ width, height });
      await page.goto(`file://${path.join(folder, 'OEBPS/cover.xhtml')}`, { waitUntil: 'load' });
      const box = await page.$eval('img', (image) => image.getBoundingClientRect().toJSON() as { width: number; height: number; bottom: number; right: number });
      assert.ok(box.height > height / 2 || box.width > width / 2, `the cover is shown large: ${JSON.stringify(box)}`);
      assert.ok(box.bottom <= height + 1 && box.right <= width + 1, `${width}×${height}: the cover runs off the screen: ${JSON.stringify(box)}`);
    }
  } finally {
    await kill();
  }
});
