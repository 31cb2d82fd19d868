// The e-book's cover image: templates/cover/cover.html filled from the Book, rendered in the sandbox, as a JPEG.
import { toHtml } from 'hast-util-to-html';
import type { Book } from '../manuscript/book.ts';
import { directionOf } from '../languages/index.ts';
import { bounded, browserWaits } from './browser-wait.ts';
import { themeTextFace } from '../theme/themes.ts';
import { fillTemplate, readTemplate, templateUrl } from '../template/index.ts';
import { coverContent } from './cover-content.ts';
import { fontLinks } from './fonts.ts';
import { preparePrintImages } from './images.ts';
import { bookRoutes, defaultCacheDir, IMAGES_ROUTE } from './routes.ts';
import type { ReportBlocked, SandboxRoutes } from './sandbox.ts';
import type { PrintSession } from './session.ts';

/** The cover image size in pixels: 2:3, what e-book stores ask for. */
export const COVER_SIZE = { width: 1600, height: 2400 };
/** Laid out at half size and captured at twice the pixel density: type sizes stay those of a page. */
export const DEVICE_SCALE = 2;
/** The cover's stylesheets (templates), linked in this order. */
export const COVER_STYLESHEETS = ['cover/cover.css', 'cover/theme.css'];

export interface CoverImageOptions {
  report?: ReportBlocked;
  /** Image cache (absolute); default `build/.cache/print-images` under the working directory. */
  cacheDir?: string;
}

/** The cover page of `book` as HTML, and the sandbox routes that serve it (its images prepared into `cacheDir`). */
export async function coverPage(book: Book, cacheDir: string): Promise<{ html: string; routes: SandboxRoutes; url: string }> {
  const images = await preparePrintImages(book.cover ? [book.cover] : [], COVER_SIZE, cacheDir);
  const content = coverContent(book, (src) => (images.has(src) ? `${IMAGES_ROUTE}${images.get(src)}` : undefined));
  const html = fillTemplate(await readTemplate('cover/cover.html', book), {
    lang: book.config.lang,
    dir: directionOf(book.config.lang),
    title: book.config.title,
    fontLinks: fontLinks(themeTextFace(book.config.theme)),
    stylesheets: COVER_STYLESHEETS.map((name) => `<link rel="stylesheet" href="${templateUrl(name, book)}">`).join('\n'),
    fontSize: `${COVER_SIZE.width / DEVICE_SCALE / 26}px`,
    cover: toHtml(content),
  });
  return { html, ...bookRoutes(book, cacheDir, '.zine-cover.html', html) };
}

/** Render the cover of `book` (title, subtitle, authors, cover image when configured) to JPEG bytes. */
export async function renderCoverImage(book: Book, session: PrintSession, options: CoverImageOptions = {}): Promise<Uint8Array> {
  const { routes, url } = await coverPage(book, options.cacheDir ?? defaultCacheDir());
  return screenshotCover(routes, url, session, options.report);
}

/** Load the cover page in the sandbox and capture it. */
export function screenshotCover(routes: SandboxRoutes, url: string, session: PrintSession, report: ReportBlocked = () => undefined): Promise<Uint8Array> {
  return session.withPage('cover', async ({ page, setRoutes }) => {
    setRoutes(routes, report);
    await page.setViewport({ width: COVER_SIZE.width / DEVICE_SCALE, height: COVER_SIZE.height / DEVICE_SCALE, deviceScaleFactor: DEVICE_SCALE });
    const response = await bounded(page.goto(url, { waitUntil: 'load', timeout: 0 }), browserWaits.load('cover'));
    if (!response?.ok()) throw new Error(`The cover page did not load (${response?.status() ?? 'no response'})`);
    await bounded(page.evaluate(() => document.fonts.ready.then(() => undefined)), browserWaits.fonts());
    return bounded(page.screenshot({ type: 'jpeg', quality: 90, fullPage: false, captureBeyondViewport: false }), browserWaits.screenshot());
  });
}
