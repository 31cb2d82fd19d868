// The same book on every machine: the browser sees only zine's fonts, whatever the machine has installed or lacks.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { h } from 'hastscript';
import { PDFDocument, PDFName, PDFArray } from 'pdf-lib';
import { fontsConf } from '../scripts/fonts/fontconfig.ts';
import { readPdfTextLayer } from '../scripts/pdf-text/index.ts';
import { browserEnvironment } from '../scripts/print/browser.ts';
import { findTextMissingFromPdf } from '../scripts/print/pdf-text-check.ts';
import { renderPrintPdf } from '../scripts/print/index.ts';
import { copyFixture, PROJECT_DIR } from './helpers/fixture.ts';
import { oneChapterBook } from './helpers/one-chapter-book.ts';
import { sharePrintSession } from './helpers/print-session.ts';

const OUR_FAMILIES = /^[A-Z]{6}\+(SourceSerif4|NotoSerifSC|SourceCodePro)/;
const canHideFonts = process.getuid?.() === 0 && spawnSync('unshare', ['--version']).status === 0;
const machineHasFonts = spawnSync('fc-list', [], { encoding: 'utf8' }).stdout?.trim() !== '';

/** Build the PDF of `dir` into a new folder; with `hideFonts`, inside a mount namespace whose font folders are empty. */
function buildPdf(dir: string, hideFonts: boolean) {
  const out = mkdtempSync(path.join(tmpdir(), 'zine-fonts-out-'));
  const zine = [process.execPath, path.join(PROJECT_DIR, 'scripts/bin/zine.js'), 'build', dir, '--only', 'pdf', '--out', out];
  const hide = 'for d in /usr/share/fonts /usr/local/share/fonts; do [ -d "$d" ] && mount -t tmpfs none "$d"; done; exec "$@"';
  const command = hideFonts ? ['unshare', '-m', 'sh', '-c', hide, 'sh', ...zine] : zine;
  const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', timeout: 180_000 });
  assert.equal(result.status, 0, result.stderr);
  const pdf = path.join(out, 'prose-and-code.pdf');
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  rmSync(out, { recursive: true, force: true });
  return { stderr: result.stderr, fonts: [...new Set(fonts)].sort(), pages };
}

describe('fonts independent of the machine', () => {
  test('a machine with no fonts gives the PDF (text, fonts, pages) a machine with fonts gives', { skip: !canHideFonts && 'needs root and unshare to hide the font folders' }, () => {
    const dir = copyFixture('machine-fonts');
    const visible = buildPdf(dir, false);
    const hidden = buildPdf(dir, true);
    assert.ok(visible.pages.join('').includes('const answer = await fetch'), 'the code is in the PDF');
    assert.ok(visible.pages.join('').includes('阿拉木图'), 'the Chinese is in the PDF');
    assert.deepEqual(hidden.fonts, visible.fonts);
    assert.deepEqual(hidden.pages, visible.pages);
    assert.ok(visible.fonts.some((font) => font.startsWith('SourceCodePro')), `code is set in Source Code Pro: ${visible.fonts}`);
    for (const font of visible.fonts) assert.match(`AAAAAA+${font}`, OUR_FAMILIES);
    for (const run of [visible, hidden]) assert.doesNotMatch(run.stderr, /warning|error/, 'no build of it warns');
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  test("the browser's font configuration lists zine's folder only", () => {
    const conf = fontsConf('/cache/fontconfig-x');
    assert.deepEqual([...conf.matchAll(/<dir>([^<]*)<\/dir>/g)].map((match) => match[1]), ['/cache/fontconfig-x/fonts']);
    assert.doesNotMatch(conf, /<include|\/usr\/share|prefix="xdg"/);
    assert.match(conf, /<family>monospace<\/family><prefer><family>Source Code Pro<\/family>/);
    const env = browserEnvironment({ PATH: '/bin', FONTCONFIG_PATH: '/etc/fonts', FONTCONFIG_SYSROOT: '/' }, '/c/fonts.conf');
    assert.deepEqual(env, { PATH: '/bin', FONTCONFIG_FILE: '/c/fonts.conf' });
  });
});

describe('the printed PDF is read back', () => {
  const shared = sharePrintSession('zine-fonts-');
  const root = mkdtempSync(path.join(tmpdir(), 'zine-fonts-book-'));
  const tree = {
    type: 'root' as const,
    children: [
      h('h1', 'Fonts'),
      h('p', { style: "font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif" }, 'Asked for a machine font by name.'),
      h('p', { style: 'font-family: monospace' }, 'Generic monospace.'),
      h('p', { style: "font-family: 'Nonexistent Face'" }, 'An unknown family.'),
      h('p', { style: 'break-before: page' }, 'Second page of running text, in the book face.'),
    ],
  };
  let pdf: Uint8Array;

  test('a face asked for by name never comes from the machine', { skip: !machineHasFonts && 'the machine has no fonts to leak' }, async () => {
    pdf = await renderPrintPdf(oneChapterBook(root, 'fonts', 'Fonts', tree), shared.session, { cacheDir: shared.cacheDir });
    const file = path.join(root, 'fonts.pdf');
    writeFileSync(file, pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]!);
    assert.ok(fonts.length > 0);
    for (const font of fonts) assert.match(font, OUR_FAMILIES, `${font} is one of zine's faces`);
    assert.match(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), /Asked for a machine font by name\.[\s\S]*Generic monospace\./);
  });

  test('the text layer reads as pdftotext reads it, and a page whose text is gone is found', async () => {
    pdf ??= await renderPrintPdf(oneChapterBook(root, 'fonts', 'Fonts', tree), shared.session, { cacheDir: shared.cacheDir });
    const file = path.join(root, 'layer.pdf');
    writeFileSync(file, pdf);
    const document = await PDFDocument.load(pdf);
    const layer = readPdfTextLayer(document);
    const popplerPages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
    // Poppler orders text by position, the layer by drawing order: compare the characters.
    const squeeze = (text: string) => [...text.replace(/[\s\u00ad-]+/g, '')].sort().join('');
    assert.equal(layer.length, document.getPageCount());
    for (const [index, page] of layer.entries()) assert.equal(squeeze(page.text), squeeze(popplerPages[index] ?? ''), `page ${index + 1}`);
    // Laid-out text as the DOM would give it: poppler's reading of the intact PDF, less the page numbers.
    const laidOut = popplerPages.slice(0, layer.length).map((text) => text.replace(/\d+/g, ''));
    const drawable = () => true;
    assert.equal(findTextMissingFromPdf(laidOut, layer, drawable), null);
    const last = document.getPageCount() - 1;
    const page = document.getPage(last);
    page.node.set(PDFName.of('Contents'), document.context.obj([]) as PDFArray);
    const missing = findTextMissingFromPdf(laidOut, readPdfTextLayer(document), drawable);
    assert.equal(missing?.page, last + 1);
    assert.ok((missing?.characters ?? 0) > 20);
    assert.ok(laidOut[last]!.replace(/\s+/g, ' ').includes(missing!.excerpt.slice(0, 30)), `the excerpt "${missing!.excerpt}" is from that page`);
    rmSync(root, { recursive: true, force: true });
  });
});
