// Themes: each builds the seed; large print reads back at 14 pt or more in Atkinson Hyperlegible; pocket is A6;
// a manuscript's templates/ wins over its theme, but cannot bring code.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { VFile } from 'vfile';
import { parseConfig } from '../scripts/config/load.ts';
import { describeProblems, epubcheck, type EpubCheckReport } from './helpers/epubcheck.ts';
import { openEpub } from './helpers/epub-reader.ts';
import { copyFixture, runZine, SEED_DIR } from './helpers/fixture.ts';
import { textWithFonts } from './helpers/pdf-fonts.ts';
import { readPdfText } from './pdf-text.ts';

const A5 = [419.528, 595.276];
const A6 = [297.638, 419.528];

interface ThemedBuild {
  dir: string;
  pdf: Uint8Array;
  epub: Uint8Array;
  html: string;
  htmlFonts: string[];
  stderr: string;
}

/** Build a copy of `source` (a fixture name or absolute folder) with `theme` set in its zine.yaml. */
function buildThemed(source: string, theme: string, prepare: (dir: string) => void = () => undefined): ThemedBuild {
  const dir = copyFixture(source);
  const configPath = path.join(dir, 'zine.yaml');
  writeFileSync(configPath, `${readFileSync(configPath, 'utf8').replace(/^theme:.*\n/m, '')}theme: ${theme}\n`);
  prepare(dir);
  const build = runZine(['build', dir, '--out', path.join(dir, '..', 'build'), '--only', 'pdf,epub,html'], path.dirname(dir));
  assert.equal(build.status, 0, `${theme}: ${build.stderr}`);
  const out = path.join(dir, '..', 'build');
  const named = (suffix: string) => path.join(out, readdirSync(out).find((name) => name.endsWith(suffix) && !name.endsWith('-booklet.pdf'))!);
  const fontsDir = named('-fonts');
  return {
    dir,
    pdf: new Uint8Array(readFileSync(named('.pdf'))),
    epub: new Uint8Array(readFileSync(named('.epub'))),
    html: readFileSync(named('.html'), 'utf8'),
    htmlFonts: readdirSync(fontsDir),
    stderr: build.stderr,
  };
}

const builds = new Map<string, ThemedBuild>();
const checks: Promise<EpubCheckReport>[] = [];
for (const theme of ['default', 'large-print', 'pocket', 'cutpaste']) {
  const built = buildThemed(SEED_DIR, theme);
  builds.set(theme, built);
  if (theme !== 'default') checks.push(epubcheck(built.epub));
}

test('every theme builds the seed: A5 pages, pocket A6; the EPUBs pass EPUBCheck', async () => {
  for (const [theme, built] of builds) {
    const [first] = await readPdfText(built.pdf);
    const expected = theme === 'pocket' ? A6 : A5;
    assert.deepEqual([first!.width, first!.height].map((value) => Math.round(value)), expected.map(Math.round), theme);
  }
  for (const report of await Promise.all(checks)) {
    const { nFatal, nError, nWarning } = report.checker;
    assert.deepEqual({ nFatal, nError, nWarning }, { nFatal: 0, nError: 0, nWarning: 0 }, describeProblems(report));
  }
});

test('large print: the body text measures 14 pt or more when read back, set in Atkinson Hyperlegible', async () => {
  const pages = await readPdfText(builds.get('large-print')!.pdf);
  const characters = new Map<number, number>();
  // Pages after the cover and contents: chapters, with running heads, page numbers and notes.
  for (const item of pages.slice(2).flatMap((page) => page.items)) {
    const size = Math.round(item.size * 100) / 100;
    characters.set(size, (characters.get(size) ?? 0) + item.text.length);
  }
  const total = [...characters.values()].reduce((sum, count) => sum + count, 0);
  // pdf.js reads 14 pt back as 13.999…: a hundredth of a point is rounding, not a smaller size.
  const atLeast14 = [...characters].filter(([size]) => size >= 13.99).reduce((sum, [, count]) => sum + count, 0);
  const [commonest] = [...characters].sort((a, b) => b[1] - a[1])[0]!;
  assert.ok(commonest >= 13.99, `body size ${commonest} pt`);
  // Only note calls (superscript figures) may be smaller.
  assert.ok(atLeast14 / total > 0.999, `${total - atLeast14} of ${total} characters below 14 pt: ${JSON.stringify([...characters])}`);
  const defaultPages = await readPdfText(builds.get('default')!.pdf);
  const defaultSizes = defaultPages.slice(2).flatMap((page) => page.items.map((item) => item.size));
  assert.ok(Math.max(...defaultSizes.filter((size) => size < 12)) < 14 && defaultSizes.filter((size) => size < 11).length > 1000, 'the default theme keeps its 10 pt body');
  const fonts = new Set((await textWithFonts(builds.get('large-print')!.pdf)).filter((item) => item.page > 2).map((item) => item.font.split('+').pop()!));
  assert.ok([...fonts].some((font) => /AtkinsonHyperlegible-Regular/.test(font)), [...fonts].join(', '));
  assert.ok(![...fonts].some((font) => /SourceSerif4-Regular/.test(font)), 'the Latin text is all in Atkinson Hyperlegible');
});

test('large print reaches the HTML edition and the EPUB: Atkinson Hyperlegible shipped or asked for, ragged right', () => {
  const large = builds.get('large-print')!;
  assert.ok(large.htmlFonts.some((name) => name.startsWith('atkinson-hyperlegible-latin-400')), large.htmlFonts.join(', '));
  assert.ok(!builds.get('default')!.htmlFonts.some((name) => name.startsWith('atkinson')), 'the default HTML edition carries no Atkinson files');
  assert.match(large.html, /font-family: 'Atkinson Hyperlegible'/);
  const css = Object.entries(openEpub(large.epub).entries).find(([name]) => name.endsWith('.css'))!;
  assert.match(new TextDecoder().decode(css[1]), /text-align: left; hyphens: none/);
});

test('cutpaste sets chapter titles in bold sans capitals; pocket fits more text on a page than the default', async () => {
  const items = await textWithFonts(builds.get('cutpaste')!.pdf);
  const title = items.filter((item) => item.text.replaceAll('\u00ad', '').includes('INTRODUCTION'));
  assert.ok(title.some((item) => /AtkinsonHyperlegible-Bold/.test(item.font)), JSON.stringify(title));
  const pageCount = async (theme: string) => (await readPdfText(builds.get(theme)!.pdf)).length;
  // A6 has half the area of A5; its smaller type and margins keep the page count well under twice the default's.
  assert.ok((await pageCount('pocket')) < 1.6 * (await pageCount('default')), `${await pageCount('pocket')} pocket pages, ${await pageCount('default')} default`);
});

test("a manuscript's templates/ overrides its theme's file, and may not replace the EPUB's code or the HTML page", async () => {
  const built = buildThemed(SEED_DIR, 'cutpaste', (dir) => {
    mkdirSync(path.join(dir, 'templates', 'print'), { recursive: true });
    mkdirSync(path.join(dir, 'templates', 'epub'), { recursive: true });
    mkdirSync(path.join(dir, 'templates', 'html'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', 'print', 'theme.css'), '.chapter > h1:first-child { text-transform: lowercase; }\n');
    writeFileSync(path.join(dir, 'templates', 'epub', 'chapter.xhtml.ejs'), "<% throw new Error('manuscript code ran') %>\n");
    writeFileSync(path.join(dir, 'templates', 'html', 'page.html'), '<script>alert(1)</script>{{{chapters}}}\n');
    writeFileSync(path.join(dir, 'templates', 'html', 'theme.css'), 'body { color: rgb(1, 2, 3); }\n');
  });
  const text = (await readPdfText(built.pdf)).map((page) => page.items.map((item) => item.text).join('')).join('\n').replaceAll('\u00ad', '');
  assert.ok(text.includes('introduction'), 'the manuscript theme.css lowercases the chapter title');
  assert.ok(!text.includes('INTRODUCTION'), 'the cutpaste theme.css is replaced, not added to');
  assert.match(built.html, /body \{ color: rgb\(1, 2, 3\); \}/);
  assert.doesNotMatch(built.html, /<script>/);
  const epub = openEpub(built.epub);
  const chapter = Object.keys(epub.entries).find((name) => name.endsWith('-introduction.xhtml'))!;
  for (const name of ['epub/chapter.xhtml.ejs', 'html/page.html']) assert.match(built.stderr, new RegExp(`templates/${name}:1:1\\s+warning\\s+templates/${name} is not used.*template-ignored`));
  assert.match(epub.text(chapter), /<section[^>]*>[\s\S]*Following up our coverage/, "zine's own chapter template, not the manuscript's");
});

test('a theme sets print defaults under zine.yaml: the manuscript’s own values win, an unknown theme is an error at its line', () => {
  const parse = (yaml: string) => parseConfig(new VFile({ path: 'zine.yaml' }), `title: T\nidentifier: urn:x\ndate: 2022-01-13\nchapters: [a.md]\n${yaml}`);
  const pocket = parse('theme: pocket\nprint:\n  margins:\n    top: 20mm\n').config!;
  assert.equal(pocket.print.page, 'A6');
  assert.deepEqual(pocket.print.margins, { top: '20mm', bottom: '11mm', inner: '10mm', outer: '7mm' });
  assert.equal(parse('theme: large-print\nprint:\n  fontSize: 18pt\n').config!.print.fontSize, '18pt');
  assert.equal(parse('theme: large-print\n').config!.print.hyphenate, false);
  const unknown = parse('theme: glossy\n');
  assert.equal(unknown.config, undefined);
  assert.match(String(unknown.file.messages[0]), /^zine\.yaml:5:8.*`theme`/);
});
