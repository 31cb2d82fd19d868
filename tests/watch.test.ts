// `zine watch` end to end: first build, an edit reaching the HTML and the PDF, a broken save reported and recovered, the server's limits, Ctrl-C.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { isRunning, processTree } from '../scripts/bench/process-tree.ts';
import { launchBrowser, resolveBrowser } from '../scripts/print/browser.ts';
import { copyFixture } from './helpers/fixture.ts';
import { collectEvents, previewStatus, startWatchProcess, waitFor, waitForBuild, type WatchProcess } from './helpers/watch-process.ts';
import { readPdfText } from './pdf-text.ts';

const manuscript = copyFixture('minimal');
const out = mkdtempSync(path.join(tmpdir(), 'zine-watch-out-'));
const chapter = path.join(manuscript, '01-first.md');
const original = readFileSync(chapter, 'utf8');
let watch: WatchProcess;

after(() => {
  if (watch?.child.exitCode === null) watch.child.kill('SIGKILL');
});

const htmlFile = () => path.join(out, 'a-minimal-zine.html');
const pdfFile = () => path.join(out, 'a-minimal-zine.pdf');
/** The PDF's text without spaces: hyphenation splits words into separate text items. */
const pdfText = async () => (await readPdfText(new Uint8Array(readFileSync(pdfFile())))).flatMap((page) => page.items.map((item) => item.text)).join('').replace(/\s+/g, '');

/** GET a raw path (sent exactly as written, no URL normalisation); resolves to the status code. */
function rawGet(origin: string, rawPath: string, headers: Record<string, string> = {}): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const sent = request({ hostname, port, path: rawPath, headers }, (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    sent.on('error', reject);
    sent.end();
  });
}

test('zine watch: builds, rebuilds on save, reports a broken save and recovers, stops on SIGINT', { timeout: 600_000 }, async (t) => {
  watch = await startWatchProcess([manuscript, '--out', out]);
  assert.match(watch.stdout(), /preview at http:\/\/127\.0\.0\.1:\d+\//);

  await t.test('the first build writes the HTML edition and the PDF', async () => {
    const status = await waitForBuild(watch.origin, 0, 'ok');
    assert.deepEqual(status.files, { html: 'a-minimal-zine.html', pdf: 'a-minimal-zine.pdf' });
    assert.match(readFileSync(htmlFile(), 'utf8'), /The First Chapter/);
    assert.match(await pdfText(), /TheFirstChapter/);
  });

  await t.test('an edited chapter reaches the HTML, the PDF and the preview; SSE announces the reload', async () => {
    const before = await previewStatus(watch.origin);
    const events = collectEvents(watch.origin);
    await waitFor(() => events.events.length > 0, 30_000, 'the first SSE status');
    writeFileSync(chapter, original.replace('A call to a note.', 'A call to a wombat note.'));
    const status = await waitForBuild(watch.origin, before.build, 'ok');
    assert.equal(status.versions.html, status.build);
    assert.equal(status.versions.pdf, status.build);
    assert.match(readFileSync(htmlFile(), 'utf8'), /wombat/);
    assert.match(await pdfText(), /wombat/);
    const page = await (await fetch(`${watch.origin}/`)).text();
    assert.match(page, /wombat/);
    assert.match(page, /<script src="\/_zine\/client\.js" data-page="html"/);
    assert.match(await (await fetch(`${watch.origin}/print`)).text(), /<iframe id="zine-pdf"[^>]* src="\/a-minimal-zine\.pdf\?v=\d+"/);
    await waitFor(() => events.events.some((event) => event.event === 'reload' && event.data.outputs?.includes('pdf')), 30_000, 'the PDF reload event');
    const reloads = events.events.filter((event) => event.event === 'reload').map((event) => event.data.outputs);
    assert.deepEqual(reloads[0], ['html'], 'the HTML is announced first');
    assert.ok(reloads.findIndex((outputs) => outputs?.includes('pdf')) > 0, 'then the PDF');
    events.close();
  });

  await t.test('the sheet preview shows the PDF as zine.yaml imposes it: a picture per sheet side, with the fold drawn', async () => {
    const status = await previewStatus(watch.origin);
    const page = await (await fetch(`${watch.origin}/sheets`)).text();
    assert.match(page, /<script src="\/_zine\/client\.js" data-page="print" data-version="\d+"/);
    const sources = [...page.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]!);
    const pages = (await PDFDocument.load(readFileSync(pdfFile()))).getPageCount();
    assert.equal(sources.length, Math.ceil(pages / 4) * 2, `${pages} pages make ${Math.ceil(pages / 4)} sheets, two sides each`);
    assert.ok(sources.every((source) => source.endsWith(`?v=${status.versions.pdf}`)));
    const image = await fetch(`${watch.origin}${sources[0]}`);
    assert.equal(image.headers.get('content-type'), 'image/png');
    const { data, info } = await sharp(Buffer.from(await image.arrayBuffer())).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    assert.ok(info.width > info.height * 1.3, `an A4 landscape side: ${info.width}×${info.height}`);
    // The fold runs down the middle: dashed blue, so some pixels of the centre column are blue.
    const column = Array.from({ length: info.height }, (_, y) => data.subarray((y * info.width + Math.floor(info.width / 2)) * 3, (y * info.width + Math.floor(info.width / 2)) * 3 + 3));
    assert.ok(column.filter(([r, , b]) => b! > 150 && r! < 100).length > info.height / 5, 'the fold line');
    assert.equal((await fetch(`${watch.origin}/_zine/sheets/99.png`)).status, 404);
  });

  await t.test('a broken save is reported on stderr and by the server; the last good outputs stay', async () => {
    const before = await previewStatus(watch.origin);
    const [html, pdf] = [readFileSync(htmlFile()), readFileSync(pdfFile())];
    const stderrBefore = watch.stderr().length;
    appendFileSync(chapter, '\n![Gone](images/missing.png)\n');
    const status = await waitForBuild(watch.origin, before.build, 'failed');
    const line = status.lines.find((entry) => /missing-image/.test(entry));
    assert.ok(line, status.lines.join('\n'));
    assert.match(line!, /01-first\.md:\d+:1\s+error\s+Image `images\/missing\.png` not found.*missing-image$/);
    await waitFor(() => /01-first\.md:\d+:1\s+error\s+Image `images\/missing\.png` not found/.test(watch.stderr().slice(stderrBefore)), 10_000, 'the error on stderr');
    const page = await (await fetch(`${watch.origin}/`)).text();
    assert.match(page, /<div id="zine-overlay" role="alert"[^>]*>.*missing-image/s);
    assert.match(page, /wombat/, 'the preview still shows the last good edition');
    assert.deepEqual(readFileSync(htmlFile()), html);
    assert.deepEqual(readFileSync(pdfFile()), pdf);
    assert.equal(watch.child.exitCode, null, 'the watcher keeps running');
  });

  await t.test('bad YAML is reported too, and the next good save recovers', async () => {
    const config = path.join(manuscript, 'zine.yaml');
    const goodConfig = readFileSync(config, 'utf8');
    let before = await previewStatus(watch.origin);
    writeFileSync(config, `${goodConfig}chapters: [\n`);
    const broken = await waitForBuild(watch.origin, before.build, 'failed');
    assert.ok(broken.lines.some((entry) => /zine\.yaml:\d+:\d+\s+error/.test(entry)), broken.lines.join('\n'));
    before = broken;
    writeFileSync(config, goodConfig);
    writeFileSync(chapter, original.replace('A call to a note.', 'A call to a platypus note.'));
    const status = await waitForBuild(watch.origin, before.build, 'ok');
    assert.deepEqual(status.lines, []);
    assert.match(readFileSync(htmlFile(), 'utf8'), /platypus/);
    assert.match(await pdfText(), /platypus/);
    assert.doesNotMatch(await (await fetch(`${watch.origin}/`)).text(), /zine-overlay" role/);
  });

  await t.test('in a browser, the preview reloads itself after a rebuild and shows build errors over the page', async () => {
    const { browser, kill } = await launchBrowser(await resolveBrowser());
    try {
      // Each in its own window: a background tab is hidden in the new headless mode, and its timers wait.
      const page = await browser.newPage({ type: 'window' });
      await page.goto(`${watch.origin}/`);
      await page.waitForFunction(() => document.body.textContent!.includes('platypus'), { timeout: 60_000 });
      await page.evaluate(() => ((window as unknown as { zineTestMarker: boolean }).zineTestMarker = true));
      const print = await browser.newPage({ type: 'window' });
      await print.goto(`${watch.origin}/print`);
      const frameSource = () => print.$eval('#zine-pdf', (frame) => frame.getAttribute('src'));
      const firstSource = await frameSource();
      let before = await previewStatus(watch.origin);
      writeFileSync(chapter, original.replace('A call to a note.', 'A call to a numbat note.'));
      await page.waitForFunction(() => document.body.textContent!.includes('numbat'), { timeout: 120_000 });
      assert.equal(await page.evaluate(() => 'zineTestMarker' in window), false, 'the page was reloaded');
      await print.waitForFunction((first) => document.getElementById('zine-pdf')?.getAttribute('src') !== first, { timeout: 120_000 }, firstSource);
      assert.match((await frameSource())!, /^\/a-minimal-zine\.pdf\?v=\d+$/, 'the print preview points its frame at the new PDF');
      before = await waitForBuild(watch.origin, before.build, 'ok');
      appendFileSync(chapter, '\n![Gone](images/missing.png)\n');
      await page.waitForSelector('#zine-overlay', { timeout: 120_000 });
      assert.match(await page.$eval('#zine-overlay', (overlay) => overlay.textContent!), /01-first\.md:\d+:1\s+error\s+Image `images\/missing\.png` not found.*missing-image/);
      before = await waitForBuild(watch.origin, before.build, 'failed');
      writeFileSync(chapter, original.replace('A call to a note.', 'A call to a platypus note.'));
      await page.waitForFunction(() => !document.getElementById('zine-overlay') && document.body.textContent!.includes('platypus'), { timeout: 120_000 });
      await waitForBuild(watch.origin, before.build, 'ok');
    } finally {
      await kill();
    }
  });

  await t.test('the server serves only the output folder, only on 127.0.0.1', async () => {
    writeFileSync(path.join(path.dirname(out), 'outside.txt'), 'secret');
    for (const raw of ['/../outside.txt', '/..%2foutside.txt', '/%2e%2e/outside.txt', '/a-minimal-zine-images/../../outside.txt', '/.cache/print-images', '/%00']) {
      const code = await rawGet(watch.origin, raw);
      assert.ok(code === 403 || code === 404, `${raw} answered ${code}`);
    }
    assert.equal(await rawGet(watch.origin, '/a-minimal-zine.pdf'), 200);
    const port = Number(new URL(watch.origin).port);
    const listening = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
      readFileSync(table, 'utf8').split('\n').slice(1).map((row) => row.trim().split(/\s+/)).filter((row) => row[1]?.endsWith(`:${port.toString(16).toUpperCase().padStart(4, '0')}`) && row[3] === '0A'),
    );
    assert.deepEqual(listening.map((row) => row[1]), [`0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`], 'one listening socket, on 127.0.0.1');
    assert.equal(await rawGet(watch.origin, '/status', { Host: `example.com:${port}` }), 403, 'another host name (DNS rebinding) is refused');
  });

  await t.test('SIGINT closes the browser and the watcher and exits 0', async () => {
    const tree = processTree(watch.child.pid!);
    assert.ok(tree.length > 1, 'the browser runs under the watch process');
    watch.child.kill('SIGINT');
    const { code } = await watch.exited;
    assert.equal(code, 0, watch.stderr().slice(-2000));
    await waitFor(() => tree.every((pid) => !isRunning(pid)), 10_000, `processes ${tree.filter(isRunning).join(', ')} to end`);
  });
  assert.ok(statSync(htmlFile()).size > 0);
});

test('zine watch --only html: no browser is started, and SIGTERM ends it with exit 0', { timeout: 300_000 }, async () => {
  const html = await startWatchProcess([copyFixture('minimal'), '--out', mkdtempSync(path.join(tmpdir(), 'zine-watch-html-')), '--only', 'html']);
  try {
    const status = await waitForBuild(html.origin, 0, 'ok');
    assert.deepEqual(Object.keys(status.files), ['html']);
    assert.match(await (await fetch(`${html.origin}/print`)).text(), /does not build the PDF/);
    const browsers = processTree(html.child.pid!).filter((pid) => /chrom|headless/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8')));
    assert.deepEqual(browsers, [], 'no browser for an HTML-only watch');
    html.child.kill('SIGTERM');
    assert.equal((await html.exited).code, 0, html.stderr().slice(-2000));
  } finally {
    if (html.child.exitCode === null) html.child.kill('SIGKILL');
  }
});
