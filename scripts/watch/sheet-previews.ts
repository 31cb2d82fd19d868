// Pictures before paper, live: the watch's PDF imposed as zine.yaml's `booklet` says, each sheet side as a PNG with
// its fold and cut lines, made on the first request after each new PDF.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bookletOptions } from '../build/booklet-options.ts';
import { loadConfig } from '../config/load.ts';
import type { BuildStatus } from './build-status.ts';

export interface SheetPreview {
  /** The PDF version (build number) the pictures are of. */
  version: number;
  layout: string;
  images: Uint8Array[];
}

/** A source of sheet pictures for the current status; undefined until there is a PDF. */
export type SheetPreviews = (status: BuildStatus) => Promise<SheetPreview | undefined>;

export function sheetPreviews(manuscriptDir: string, outDir: string): SheetPreviews {
  let made: { version: number; preview: Promise<SheetPreview> } | undefined;
  return (status) => {
    const { pdf: version } = status.versions;
    const file = status.files.pdf;
    if (version === undefined || file === undefined) return Promise.resolve(undefined);
    if (made?.version !== version) {
      const preview = makePreview(manuscriptDir, path.join(outDir, file), version);
      made = { version, preview };
      // A failed picture (the PDF replaced mid-read) is made again on the next request.
      preview.catch(() => made?.preview === preview && (made = undefined));
    }
    return made.preview;
  };
}

async function makePreview(manuscriptDir: string, pdfFile: string, version: number): Promise<SheetPreview> {
  const [{ config }, pdf, { previewSheets }] = await Promise.all([loadConfig(manuscriptDir), readFile(pdfFile), import('../impose/preview.ts')]);
  if (!config) throw new Error('zine.yaml has errors: see the build messages');
  const options = bookletOptions(config);
  return { version, layout: options.layout ?? 'booklet', images: await previewSheets(new Uint8Array(pdf), options) };
}
