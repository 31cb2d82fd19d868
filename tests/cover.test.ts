// A configured cover image, however its path is written, is the cover of the PDF and of the EPUB.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { openEpub } from './helpers/epub-reader.ts';
import { copyFixture, runZine } from './helpers/fixture.ts';

test('cover: ./images/squ%61re.png (any spelling of the path) becomes the EPUB cover image and the art on the PDF cover', async () => {
  const dir = copyFixture('minimal');
  writeFileSync(path.join(dir, 'zine.yaml'), `${readFileSync(path.join(dir, 'zine.yaml'), 'utf8')}cover: ./images/squ%61re.png\n`);
  const out = mkdtempSync(path.join(tmpdir(), 'zine-cover-'));
  const result = runZine(['build', dir, '--out', out, '--only', 'pdf,epub']);
  assert.equal(result.status, 0, result.stderr);

  const epub = openEpub(new Uint8Array(readFileSync(path.join(out, 'a-minimal-zine.epub'))));
  const opf = epub.text(Object.keys(epub.entries).find((name) => name.endsWith('.opf'))!);
  const href = /<item [^>]*href="([^"]+)"[^>]*properties="cover-image"|<item [^>]*properties="cover-image"[^>]*href="([^"]+)"/.exec(opf);
  const coverName = Object.keys(epub.entries).find((name) => name.endsWith(`/${href![1] ?? href![2]}`) || name === (href![1] ?? href![2]))!;
  const { width, height } = await sharp(epub.entries[coverName]).metadata();
  assert.deepEqual([width, height], [40, 40], 'the configured image, not a generated 1600×2400 cover');

  const pdf = await PDFDocument.load(readFileSync(path.join(out, 'a-minimal-zine.pdf')));
  const resources = pdf.getPage(0).node.Resources();
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  assert.ok(xobjects && xobjects.keys().length > 0, 'the cover page draws the image');
});
