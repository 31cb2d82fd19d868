// What the sandbox serves for a book: its manuscript, the templates, the fonts, the downsampled images, one generated page.
import path from 'node:path';
import type { Book } from '../manuscript/book.ts';
import { zineCacheDir } from '../paths/cache-dir.ts';
import { TEMPLATES_DIR } from '../template/index.ts';
import { fontRoutes } from './fonts.ts';
import { SANDBOX_ORIGIN, type SandboxRoutes } from './sandbox.ts';

export const IMAGES_ROUTE = '/print-images/';

/**
 * The downsampled images' cache: in zine's own cache folder, never in the output folder (which holds outputs only).
 * Shared by every book: a cached file is named by the hash of its source and settings.
 */
export function defaultCacheDir(): string {
  return path.join(zineCacheDir(), 'print-images');
}

/**
 * Routes for rendering `book`, with `html` served as `name` inside the manuscript route (so relative URLs in raw HTML
 * resolve against the manuscript folder, and `#id` links stay inside the document); returns the page's URL too.
 */
export function bookRoutes(book: Book, cacheDir: string, name: string, html: string): { routes: SandboxRoutes; url: string } {
  const documentPath = `/manuscript/${name}`;
  return {
    routes: {
      folders: { '/manuscript/': book.root, '/templates/': TEMPLATES_DIR, [IMAGES_ROUTE]: cacheDir, ...fontRoutes() },
      generated: new Map([[documentPath, { body: html, type: 'text/html; charset=utf-8' }]]),
    },
    url: `${SANDBOX_ORIGIN}${documentPath}`,
  };
}
