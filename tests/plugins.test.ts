// Each manuscript plugin on small inputs: typography, language tags, figures, notes, heading ids, images.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { smartenText } from '../scripts/manuscript/plugins/remark-typography.ts';
import { resolveImage } from '../scripts/manuscript/plugins/rehype-check-images.ts';
import { compileChapter } from '../scripts/manuscript/read-chapter.ts';
import { loadBook } from '../scripts/manuscript/index.ts';
import { chapterIds } from '../scripts/manuscript/names.ts';
import { copyFixture } from './helpers/fixture.ts';

async function compile(markdown: string, root = tmpdir()) {
  const filePath = path.join(root, 'chapter.md');
  const chapter = await compileChapter(filePath, { root }, new TextEncoder().encode(markdown));
  return { ...chapter, html: toHtml(chapter.tree) };
}

test('typography curls straight quotes and makes dashes, leaves curly quotes and CJK punctuation', () => {
  assert.equal(smartenText('"Hi" -- it\'s --- so...'), '“Hi” – it’s — so…');
  assert.equal(smartenText('“already” ‘curly’'), '“already” ‘curly’');
  assert.equal(smartenText('中文「引号」，标点。'), '中文「引号」，标点。');
  assert.equal(smartenText('"quote"', ' '), '“quote”');
});

test('typography is not applied inside code', async () => {
  const { html } = await compile('Use `"raw" -- text` here -- now.\n');
  assert.match(html, /<code>"raw" -- text<\/code> here – now\./);
});

test('a span directive tags a passage with its language; other directives stay as written', async () => {
  const { html } = await compile('Word :span[阿拉木图]{lang=zh-Hans} and note:this stays.\n');
  assert.match(html, /<span lang="zh-Hans">阿拉木图<\/span>/);
  assert.match(html, /note:this stays/);
});

test('a div directive tags a block with its language; a bad tag is an error', async () => {
  const { html } = await compile(':::div{lang=ru}\nПривет\n:::\n');
  assert.match(html, /<div lang="ru"><p>Привет<\/p><\/div>/);
  const bad = await compile(':span[x]{lang=not_a_tag}\n');
  assert.equal(bad.file.messages[0]?.ruleId, 'invalid-lang');
  assert.equal(bad.file.messages[0]?.fatal, true);
});

test('front matter sets the chapter language and the first heading its title', async () => {
  const chapter = await compile('---\nlang: zh-Hans\n---\n\n# 标题:阿拉木图\n\n文本。\n');
  assert.equal(chapter.lang, 'zh-Hans');
  assert.equal(chapter.title, '标题:阿拉木图');
});

test('an image alone in a paragraph becomes a figure with its alt text as caption (title wins), the alt then emptied so it is read once', async () => {
  const root = path.join(tmpdir(), `zine-fig-${process.pid}`);
  mkdirSync(path.join(root, 'images'), { recursive: true });
  writeFileSync(path.join(root, 'images/a.png'), '');
  const { html } = await compile('![The caption](images/a.png)\n\n![alt](images/a.png "Title caption")\n\nText ![inline](images/a.png) image.\n', root);
  assert.match(html, /<figure><img src="images\/a.png" alt=""><figcaption>The caption<\/figcaption><\/figure>/);
  assert.match(html, /<figure><img src="images\/a.png" alt="alt"><figcaption>Title caption<\/figcaption><\/figure>/);
  assert.match(html, /<p>Text <img src="images\/a.png" alt="inline"> image\.<\/p>/);
});

test('note calls keep their definitions apart, in order of first call', async () => {
  const chapter = await compile('One[^b] two[^a] again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n');
  assert.deepEqual([...chapter.notes.keys()], ['b', 'a']);
  assert.equal(chapter.html, '<p>One<a data-note-call="b"></a> two<a data-note-call="a"></a> again<a data-note-call="b"></a>.</p>');
});

test('footnote problems: undefined call is an error, unused and duplicate definitions and nesting are warnings', async () => {
  const { file } = await compile('Text[^missing] and[^a].\n\n[^a]: A calls[^c].\n[^a]: Again.\n[^c]: C.\n[^unused]: Never called.\n');
  const rules = file.messages.map((message) => `${message.ruleId}:${message.fatal ? 'error' : 'warning'}:${message.line}:${message.column}`);
  assert.ok(rules.includes('undefined-footnote:error:1:5'), rules.join(' '));
  assert.ok(rules.some((rule) => rule.startsWith('duplicate-footnote:warning:4')), rules.join(' '));
  assert.ok(rules.some((rule) => rule.startsWith('unused-footnote:warning:6')), rules.join(' '));
  assert.ok(rules.some((rule) => rule.startsWith('nested-footnote:warning:3')), rules.join(' '));
});

test('heading ids are GitHub slugs, unique in the chapter, never one of zine\'s own ids', async () => {
  const { html } = await compile('# Hello World\n\n## Hello World\n\n## 中文\n\n## Note 1\n\n## !!!\n');
  assert.match(html, /<h1 id="hello-world">/);
  assert.match(html, /<h2 id="hello-world-1">/);
  assert.match(html, /<h2 id="中文">/);
  assert.match(html, /<h2 id="section">/);
  assert.match(html, /<h2 id="section-1">/);
});

test('raw HTML is sanitised: no scripts, handlers or remote frames', async () => {
  const { html } = await compile('<script>alert(1)</script>\n\n<p onclick="x()">Hi <iframe src="https://example.com"></iframe></p>\n');
  assert.doesNotMatch(html, /script|onclick|iframe/);
  assert.match(html, /<p>Hi <\/p>/);
});

test('image paths must stay inside the manuscript, exist, and not be remote', () => {
  const root = path.join(tmpdir(), `zine-img-${process.pid}`);
  mkdirSync(path.join(root, 'images'), { recursive: true });
  writeFileSync(path.join(root, 'images/ok.png'), '');
  writeFileSync(path.join(tmpdir(), `zine-outside-${process.pid}.png`), '');
  symlinkSync(path.join(tmpdir(), `zine-outside-${process.pid}.png`), path.join(root, 'images/link.png'));
  const rule = (src: string) => {
    const result = resolveImage(src, root, root);
    return 'src' in result ? result.src : result.rule;
  };
  assert.equal(rule('images/ok.png'), 'images/ok.png');
  assert.equal(rule('./images/../images/ok.png'), 'images/ok.png');
  assert.equal(rule('images/none.png'), 'missing-image');
  assert.equal(rule('../outside.png'), 'image-outside-manuscript');
  assert.equal(rule('/etc/passwd'), 'image-outside-manuscript');
  assert.equal(rule('images/link.png'), 'image-outside-manuscript');
  assert.equal(rule('https://example.com/a.png'), 'remote-image');
  assert.equal(rule('file:///etc/passwd'), 'remote-image');
});

test('chapter ids come from file names, without number prefixes, unique and starting with a letter', () => {
  assert.deepEqual(chapterIds(['01-intro.md', 'part/02-intro.md', '03.md', '中文.md']), ['intro', 'intro-2', 'chapter-3', 'chapter-4']);
});

test('notes are numbered continuously across chapters', async () => {
  const { book, files } = await loadBook(copyFixture('minimal'));
  assert.deepEqual(files.flatMap((file) => file.messages.map(String)), []);
  assert.deepEqual(book!.chapters.map((chapter) => chapter.notes.map((note) => note.number)), [[1, 2], [3]]);
  assert.equal(toHtml(book!.chapters[1]!.notes[0]!.content), '<p>中文注释。</p>');
  assert.equal(book!.chapters[1]!.lang, 'zh-Hans');
  assert.equal(book!.slug, 'a-minimal-zine');
});

test("dollar amounts stay text (Pandoc's rule), real inline math is math", async () => {
  const { html } = await compile('# Money\n\nIt reached £3.1 billion ($4.3 billion). Assets tripled to $1.47 billion ($453.5 million).\n\nEscaped: $73 or so 23\\$.\n\nAnd $x^2$ is math, $$y$$ too.\n');
  assert.ok(html.includes('($4.3 billion). Assets tripled to $1.47 billion ($453.5 million).'), html);
  assert.ok(html.includes('Escaped: $73 or so 23$.'), html);
  assert.equal((html.match(/<math/g) ?? []).length, 2, html);
});

test('a dollar inside a code span never closes math: the prose and code between stay as written', async () => {
  // From jlevy/the-art-of-command-line README-ko.md (CC BY-SA 4.0): the translator left `$2` outside backticks.
  const line = '`output_file=${2:-logfile}`로 할 수 있습니다. $2가 생략되어 비어있다면, `output_file`은 `logfile`로 설정됩니다. 산술 확장은 `i=$(( (i + 1) % 5 ))`. 문자열 자르기: `${var%suffix}`이나 `${var#prefix}`.';
  const { html } = await compile(`# 변수\n\n${line}\n\nAnd $x^2$ is math beside \`$HOME\`.\n`);
  assert.ok(html.includes('로 할 수 있습니다. $2가 생략되어 비어있다면, <code>output_file</code>은'), html);
  assert.ok(html.includes('<code>i=$(( (i + 1) % 5 ))</code>'), html);
  assert.ok(html.includes('<code>${var%suffix}</code>이나 <code>${var#prefix}</code>'), html);
  assert.ok(html.includes('<code>$HOME</code>'), html);
  assert.equal((html.match(/<math/g) ?? []).length, 1, html);
});
