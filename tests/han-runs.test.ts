// Han runs in titles and subtitles: tagged zh-Hans once, by one helper, on the print cover, the HTML and EPUB title pages.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import type { ElementContent } from 'hast';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import sharp from 'sharp';
import { renderEpub } from '../scripts/epub/index.ts';
import { renderHtmlEdition } from '../scripts/html/index.ts';
import type { Book } from '../scripts/manuscript/book.ts';
import { tagHanRuns } from '../scripts/languages/han-runs.ts';
import { loadBook } from '../scripts/manuscript/index.ts';
import { coverContent } from '../scripts/print/cover-content.ts';

const SEED = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'manuscript');
const SUBTITLE_HTML = '<span lang="zh-Hans">采访:阿拉木图(<span lang="und-Latn">Almaty</span>)无治主义者的目击证言</span>; Analysis from Russian Anarchists';

const html = (nodes: ElementContent[]) => toHtml(h('p', nodes)).replace(/^<p>|<\/p>$/g, '');

describe('tagHanRuns', () => {
  test('wraps each Han run, with its CJK punctuation, in a lang span; the rest stays text', () => {
    assert.equal(html(tagHanRuns('《红楼梦》, a novel', 'en')), '<span lang="zh-Hans">《红楼梦》</span>, a novel');
    assert.equal(html(tagHanRuns('Plain English', 'en')), 'Plain English');
    assert.equal(html(tagHanRuns('', 'en')), '');
  });

  test('keeps one Chinese phrase whole across punctuation, digits and a bracketed gloss, not across English words', () => {
    assert.equal(html(tagHanRuns('采访:阿拉木图(Almaty)无治主义者的目击证言; Analysis from Russian Anarchists', 'en')), SUBTITLE_HTML);
    assert.equal(html(tagHanRuns('北京 and 上海', 'en')), '<span lang="zh-Hans">北京</span> and <span lang="zh-Hans">上海</span>');
    assert.equal(html(tagHanRuns('1月5日, Almaty', 'en')), '<span lang="zh-Hans">1月5日</span>, Almaty');
  });

  test('leaves a Chinese or Japanese context alone, and tags with the language asked for', () => {
    assert.equal(html(tagHanRuns('中文 (x)', 'zh-Hans')), '中文 (x)');
    assert.equal(html(tagHanRuns('東京', 'ja')), '東京');
    assert.equal(html(tagHanRuns('Taipei 臺北', 'en', 'zh-Hant')), 'Taipei <span lang="zh-Hant">臺北</span>');
  });
});

describe('the seed subtitle in each renderer', () => {
  let book: Book;
  before(async () => {
    book = (await loadBook(SEED)).book!;
  });

  test('the print (and e-book) cover', () => {
    const subtitle = select('.cover-subtitle', coverContent(book, () => undefined))!;
    assert.equal(html(subtitle.children), SUBTITLE_HTML);
  });

  test('the HTML title page', async () => {
    const { html: page } = await renderHtmlEdition(book);
    assert.ok(page.includes(`<p class="subtitle">${SUBTITLE_HTML}</p>`), 'tagged subtitle');
    assert.ok(page.includes('<h1 class="book-title">Kazakhstan after the Uprising</h1>'));
  });

  test('the EPUB title page, with xml:lang too', async () => {
    const cover = new Uint8Array(await sharp({ create: { width: 4, height: 6, channels: 3, background: '#fff' } }).png().toBuffer());
    const epub = unzipSync(await renderEpub(book, { cover: { bytes: cover, mediaType: 'image/png' }, modified: new Date(0) }));
    const titlePage = strFromU8(Object.entries(epub).find(([name]) => name.endsWith('titlepage.xhtml'))![1]);
    assert.ok(titlePage.includes('<p class="subtitle"><span lang="zh-Hans" xml:lang="zh-Hans">采访:阿拉木图(<span lang="und-Latn" xml:lang="und-Latn">Almaty</span>)无治主义者的目击证言</span>; Analysis from Russian Anarchists</p>'), titlePage);
  });
});
