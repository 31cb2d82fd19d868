// A 5 MB chapter builds its HTML and EPUB in bounded time; the shortcut that makes it faster keeps every tree the same.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { noteHandlers } from '../scripts/manuscript/plugins/note-handlers.ts';
import rehypeRawIfPresent from '../scripts/manuscript/plugins/rehype-raw-if-present.ts';
import remarkLanguage from '../scripts/manuscript/plugins/remark-language.ts';
import { openEpub } from './helpers/epub-reader.ts';
import { copyFixture, FIXTURES_DIR, SEED_DIR } from './helpers/fixture.ts';
import { assertNoCrash, messageLines, runZineAsync } from './helpers/hostile.ts';

/** Wall-clock bound for the whole build on a busy two-core machine (about 20 s when measured). */
const BOUND_MS = 120_000;

/** About `bytes` of Markdown in numbered paragraphs with inline markup, a heading every 50 paragraphs. */
function largeChapter(bytes: number): { text: string; paragraphs: number } {
  const parts = ['# A very long chapter\n\n'];
  let size = parts[0]!.length;
  let paragraphs = 0;
  while (size < bytes) {
    if (paragraphs % 50 === 0) parts.push(`## Section ${paragraphs / 50}\n\n`);
    const paragraph = `Paragraph ${paragraphs}: "straight quotes" -- dashes... *emphasis*, **strong**, \`code\` and a [link](https://example.org/${paragraphs}); lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\n\n`;
    parts.push(paragraph);
    size += paragraph.length;
    paragraphs++;
  }
  return { text: parts.join(''), paragraphs };
}

test('a 5 MB chapter (18,000 paragraphs) builds its HTML and EPUB with every paragraph, within the bound', { timeout: BOUND_MS * 2 }, async (t) => {
  const dir = copyFixture('minimal');
  const { text, paragraphs } = largeChapter(5_000_000);
  writeFileSync(path.join(dir, '02-second.md'), text);
  const out = path.join(path.dirname(dir), 'build');
  const started = performance.now();
  const run = await runZineAsync(['build', dir, '--out', out, '--only', 'html,epub'], { cwd: path.dirname(dir) });
  const elapsed = performance.now() - started;
  t.diagnostic(`5 MB chapter: ${Math.round(elapsed)} ms in all; ${/manuscript {2}.*/.exec(run.stderr)?.[0]}`);
  assertNoCrash(run);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(messageLines(run), []);
  assert.ok(elapsed < BOUND_MS, `took ${Math.round(elapsed)} ms`);

  const numbers = (html: string) => [...html.matchAll(/<p>Paragraph (\d+): /g)].map((match) => Number(match[1]));
  const expected = Array.from({ length: paragraphs }, (_, index) => index);
  assert.deepEqual(numbers(readFileSync(path.join(out, 'a-minimal-zine.html'), 'utf8')), expected);
  const epub = openEpub(new Uint8Array(readFileSync(path.join(out, 'a-minimal-zine.epub'))));
  const chapter = Object.keys(epub.entries).find((name) => name.endsWith('-second.xhtml'))!;
  epub.xml(chapter); // well-formed XML
  assert.deepEqual(numbers(epub.text(chapter)), expected);
});

/** Markdown → hast as the chapter processor makes it just before rehype-raw. */
async function hastBeforeRaw(file: VFile): Promise<HastRoot> {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkLanguage).use(remarkRehype, { allowDangerousHtml: true, handlers: noteHandlers });
  return (await processor.run(processor.parse(file), file)) as HastRoot;
}

test('skipping rehype-raw on a tree without raw HTML leaves the same tree as re-parsing it (seed, fixtures, GFM, links with notes)', async () => {
  const sampler = '# GFM\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] task\n- [x] done\n\n> quote\n> > nested\n\n~~del~~ https://auto.link www.x.org\n\nnote:this and ::leaf{x=1} stay; :span[词]{lang=zh}.\n\n[see[^1] here](http://x.org)\n\n[^1]: Note with *em*.\n';
  const sources: { name: string; text: string }[] = [{ name: 'sampler', text: sampler }];
  for (const dir of [SEED_DIR, ...readdirSync(FIXTURES_DIR).map((name) => path.join(FIXTURES_DIR, name))]) {
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) sources.push({ name: `${path.basename(dir)}/${name}`, text: readFileSync(path.join(dir, name), 'utf8') });
  }
  let skipped = 0;
  for (const { name, text } of sources) {
    const file = new VFile({ path: `/m/${name}`, value: text });
    const tree = await hastBeforeRaw(file);
    const reparsed = rehypeRaw()(structuredClone(tree), file);
    delete reparsed.data;
    const fast = structuredClone(tree);
    const result = rehypeRawIfPresent()(fast, file) ?? fast;
    if (result === fast) skipped++;
    delete result.data; // rehype-raw notes the parser's quirks mode there; nothing reads it
    assert.deepEqual(result, reparsed, name);
  }
  assert.ok(skipped >= sources.length / 2, `only ${skipped} of ${sources.length} skipped the re-parse`);
});

test('raw HTML is still parsed (to be sanitised next) when the tree has any', async () => {
  const file = new VFile({ path: '/m/raw.md', value: 'Text <b onclick="x()">bold</b>.\n' });
  const tree = rehypeRawIfPresent()(await hastBeforeRaw(file), file)!;
  const found: string[] = [];
  visit(tree, (node) => void found.push(node.type === 'element' ? `${node.tagName}[${Object.keys(node.properties).join(',')}]` : node.type));
  assert.deepEqual(found, ['root', 'p[]', 'text', 'b[onClick]', 'text', 'text']);
});
