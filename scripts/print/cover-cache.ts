// The e-book's generated cover, rendered once per content: kept in zine's cache dir under a hash of everything that draws it.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../build/write-atomic.ts';
import type { Book } from '../manuscript/book.ts';
import { zineCacheDir } from '../paths/cache-dir.ts';
import { readTemplate } from '../template/index.ts';
import { browserCandidates } from './browser-candidates.ts';
import { COVER_SIZE, COVER_STYLESHEETS, coverPage, DEVICE_SCALE, screenshotCover, type CoverImageOptions } from './cover.ts';
import { isExecutable } from './resolve-browser.ts';
import { defaultCacheDir } from './routes.ts';
import type { PrintSession } from './session.ts';

/** Bump when the capture in cover.ts changes (viewport, JPEG quality), so older covers are not reused. */
const CACHE_VERSION = 'cover-1';
/** Which fonts and which embedded browser are installed: the lock file names every package's version. */
const LOCK_FILES = ['package-lock.json', 'package.json'].map((name) => fileURLToPath(new URL(`../../${name}`, import.meta.url)));

export interface CachedCoverOptions extends CoverImageOptions {
  /** The browser the build would use (`--browser`), part of the key. */
  browserPath?: string;
  /** zine's cache dir; default zineCacheDir(). */
  zineCache?: string;
}

/**
 * The cover of `book` as JPEG: from the cache when the same page, stylesheets, fonts and browser drew it before,
 * else rendered with the session `openSession` starts (only then: a cached cover needs no browser).
 */
export async function cachedCoverImage(book: Book, openSession: () => Promise<PrintSession>, options: CachedCoverOptions = {}): Promise<Uint8Array> {
  const { html, routes, url } = await coverPage(book, options.cacheDir ?? defaultCacheDir());
  const browser = await browserIdentity(options.browserPath);
  const key = await coverKey(book, html, browser.key);
  const file = path.join(options.zineCache ?? zineCacheDir(), 'covers', `${key}.jpg`);
  const kept = await readFile(file).catch(() => undefined);
  if (kept) return new Uint8Array(kept);
  const session = await openSession();
  const jpeg = new Uint8Array(await screenshotCover(routes, url, session, options.report));
  // Kept only when the browser that drew it is the one the key names (not a fallback after the first failed).
  if (session.label.startsWith(`${browser.label} (`)) await writeFileAtomic(file, jpeg);
  return jpeg;
}

/** A hash of the page, its stylesheets as found for this book, the installed packages, the browser and the size. */
async function coverKey(book: Book, html: string, browserKey: string): Promise<string> {
  const hash = createHash('sha256').update(`${CACHE_VERSION}\0${COVER_SIZE.width}x${COVER_SIZE.height}@${DEVICE_SCALE}\0${browserKey}\0${html}`);
  for (const css of await Promise.all(COVER_STYLESHEETS.map((name) => readTemplate(name, book)))) hash.update(`\0${css}`);
  // The first of the lock files that exists (package.json alone where zine is installed without its lock).
  for (const name of LOCK_FILES) {
    const lock = await readFile(name).catch(() => undefined);
    if (!lock) continue;
    hash.update('\0').update(lock);
    break;
  }
  return hash.digest('hex').slice(0, 32);
}

/** The browser a build would pick, without starting it: its label, and its executable's size and date when known now. */
async function browserIdentity(browserPath: string | undefined): Promise<{ label: string; key: string }> {
  const [first] = browserCandidates({ platform: process.platform, arch: process.arch, env: process.env, exists: isExecutable, explicitPath: browserPath, home: os.homedir() });
  if (!first) return { label: 'none', key: 'none' };
  if (first.kind === 'embedded') return { label: first.label, key: first.label };
  const executable = path.resolve(first.executablePath);
  const info = await stat(executable).catch(() => undefined);
  return { label: first.label, key: `${first.label}\0${executable}\0${info?.size ?? ''}\0${info?.mtimeMs ?? ''}` };
}
