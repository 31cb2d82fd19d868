// Hostile raw HTML through a full build: every output made, nothing run, nothing fetched, nothing read outside the manuscript.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { strFromU8 } from 'fflate';
import { fromHtml } from 'hast-util-from-html';
import { toXast } from 'hast-util-to-xast';
import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import type { Element, Root } from 'xast';
import { elements, openEpub, textOf } from './helpers/epub-reader.ts';
import { describeProblems, epubcheck } from './helpers/epubcheck.ts';
import { fetchableReferences, imageSources, outboundLinks } from './helpers/fetchable-references.ts';
import { copyFixture } from './helpers/fixture.ts';
import { assertNoCrash, fillPlaceholders, messageLines, recordingServer, runZineAsync } from './helpers/hostile.ts';
import { readPdfText } from './pdf-text.ts';

const TITLE = "Hostile </title><script>alert('title')</script>";
const SLUG = 'hostile-titlescriptalerttitlescript';
const SECRET_TEXT = `ZINE-SECRET-${process.pid}-7f3a9c`;

const server = await recordingServer();
const secretFile = path.join(mkdtempSync(path.join(tmpdir(), 'zine-outside-')), 'secret.txt');
writeFileSync(secretFile, `${SECRET_TEXT}\n`);
const manuscript = copyFixture('hostile-html');
fillPlaceholders(manuscript, { SERVER: server.host, SECRET: secretFile });
const out = path.join(path.dirname(manuscript), 'build');
const run = await runZineAsync(['build', manuscript, '--out', out], { cwd: path.dirname(manuscript) });
await server.close();

const output = (suffix: string) => readFileSync(path.join(out, `${SLUG}${suffix}`));
const htmlText = existsSync(path.join(out, `${SLUG}.html`)) ? output('.html').toString('utf8') : '';
const epubBytes = existsSync(path.join(out, `${SLUG}.epub`)) ? new Uint8Array(output('.epub')) : new Uint8Array();
const epubReport = epubBytes.length > 0 ? epubcheck(epubBytes) : undefined;
const PDFS = ['.pdf', '-booklet.pdf', '-minizine.pdf'];

/** Text that must appear in no output: a file outside the manuscript, and what manuscript code would print if it ran. */
const FORBIDDEN = [SECRET_TEXT, 'SCRIPT-RAN', 'ONLOAD-RAN', 'IFRAME-FALLBACK', 'TEXTAREA-TEXT', 'NOSCRIPT-TEXT', '@import', 'javascript:'];
const hostname = existsSync('/etc/hostname') ? readFileSync('/etc/hostname', 'utf8').trim() : '';
if (hostname.length >= 8) FORBIDDEN.push(hostname); // a short host name ("vm") could occur by chance

test('hostile-html: the build makes every output, exit 0, one warning per image left out', () => {
  assertNoCrash(run);
  assert.equal(run.status, 0, run.stderr);
  for (const suffix of ['.html', ...PDFS, '.epub']) assert.ok(existsSync(path.join(out, `${SLUG}${suffix}`)), `${SLUG}${suffix} missing`);
  const left = (file: string, line: number, src: string) =>
    `manuscript/${file}:${line}:1  warning  Remote image \`${src}\` is left out: copy the file into the manuscript folder  remote-image`;
  assert.deepEqual(messageLines(run).map((line) => line.replace(/ {2,}/g, '  ')), [
    left('01-raw-html.md', 39, `http://${server.host}/remote.png`),
    left('01-raw-html.md', 41, `//${server.host}/protocol-relative.png`),
    left('01-raw-html.md', 43, 'file:///etc/hostname'),
    left('01-raw-html.md', 45, `file://${secretFile}`),
    left('02-markdown.md', 5, `http://${server.host}/md-remote.png`),
    left('02-markdown.md', 7, `http://${server.host}/md-reference.png`),
    left('02-markdown.md', 9, `file://${secretFile}`),
  ]);
});

test('hostile-html: the loopback server the manuscript points at got zero requests', () => {
  assert.deepEqual(server.requests, []);
});

test('hostile-html: the HTML edition has no script, handler, frame, style or remote resource; only the two links written', () => {
  const page = toXast(fromHtml(htmlText)) as Root;
  const body = elements(page, 'body')[0]!;
  assert.deepEqual(fetchableReferences({ type: 'root', children: [body] }), []);
  // The head is the template's: its own <style>, nothing from the manuscript but escaped text; its only URLs are the
  // edition's own font files, beside the page.
  const head = elements(page, 'head')[0]!;
  const ownFontsOnly = (css: string) => [...css.matchAll(/url\(([^)]*)\)/g)].every(([, url]) => new RegExp(`^'${SLUG}-fonts/[\\w.-]+\\.woff2'$`).test(url!));
  assert.deepEqual(fetchableReferences({ type: 'root', children: [head] }, (node) => node.name === 'style' && !/@import/.test(textOf(node)) && ownFontsOnly(textOf(node))), []);
  assert.equal(textOf(elements(page, 'title')[0]!), TITLE);
  assert.deepEqual(outboundLinks(page), [`http://${server.host}/ping-target`, `http://${server.host}/plain`]);
  for (const src of imageSources(page)) {
    assert.match(src, new RegExp(`^${SLUG}-images/`));
    assert.ok(existsSync(path.join(out, src)), src);
  }
  assert.equal(imageSources(page).length, 3);
  assert.match(textOf(body), /Before the hostile HTML\.[\s\S]*After the hostile HTML\.[\s\S]*The end\./);
});

test('hostile-html: the EPUB has nothing a reading system would run or fetch, and passes EPUBCheck', async () => {
  const epub = openEpub(epubBytes);
  const pages = Object.keys(epub.entries).filter((name) => name.endsWith('.xhtml'));
  const stylesheet = (node: Element) => node.name === 'link' && node.attributes.rel === 'stylesheet' && node.attributes.href === 'style.css';
  for (const name of pages) {
    const page = epub.xml(name);
    assert.deepEqual(fetchableReferences(page, stylesheet), [], name);
    for (const src of imageSources(page)) assert.ok(epub.entries[path.posix.join(path.posix.dirname(name), src)], `${name}: ${src}`);
  }
  const links = pages.flatMap((name) => outboundLinks(epub.xml(name)));
  assert.deepEqual(links.sort(), [`http://${server.host}/ping-target`, `http://${server.host}/plain`]);
  assert.equal(textOf(elements(epub.xml('OEBPS/content.opf'), 'dc:title')[0]!), TITLE);
  assert.doesNotMatch(epub.text('OEBPS/content.opf'), /remote-resources|scripted/);
  const report = await epubReport!;
  assert.equal(report.checker.nFatal + report.checker.nError + report.checker.nWarning, 0, describeProblems(report));
});

test('hostile-html: the PDFs show the prose and the title as text; no script ran; links only the two written', async () => {
  const pages = (await readPdfText(new Uint8Array(output('.pdf')))).map((page) => page.items.map((item) => item.text).join(''));
  const compact = (text: string) => text.replace(/[\s\u00ad]+/g, '');
  assert.ok(compact(pages[0]!).includes(compact(TITLE)), pages[0]);
  const all = compact(pages.join(''));
  for (const prose of ['Before the hostile HTML.', 'A paragraph with handlers.', 'After the hostile HTML.', 'The end.']) assert.ok(all.includes(compact(prose)), prose);
  const uris = await linkUris(new Uint8Array(output('.pdf')));
  assert.deepEqual(uris.sort(), [`http://${server.host}/ping-target`, `http://${server.host}/plain`]);
});

test('hostile-html: no output holds the file outside the manuscript, or text that manuscript code or CSS would have left', async () => {
  const texts: Record<string, string> = { html: htmlText };
  for (const suffix of PDFS) {
    const bytes = new Uint8Array(output(suffix));
    texts[suffix] = (await readPdfText(bytes)).map((page) => page.items.map((item) => item.text).join('')).join('\n') + Buffer.from(bytes).toString('latin1');
  }
  for (const [name, bytes] of Object.entries(openEpub(epubBytes).entries)) texts[`epub ${name}`] = strFromU8(bytes, true);
  for (const [name, text] of Object.entries(texts)) {
    for (const needle of FORBIDDEN) assert.ok(!text.includes(needle), `${name} contains ${needle}`);
  }
});

/** The URI of every link annotation in the PDF. */
async function linkUris(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getPages().flatMap((page) =>
    (page.node.Annots()?.asArray() ?? []).flatMap((ref) => {
      const action = pdf.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.get(PDFName.of('URI'));
      return uri instanceof PDFString || uri instanceof PDFHexString ? [uri.decodeText()] : [];
    }),
  );
}
