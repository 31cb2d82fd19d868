// A page that loads only what we allow: a synthetic origin answered from allow-listed folders, everything else aborted and reported.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer';
import { isInside } from '../paths/is-inside.ts';

/** The page's origin: `.invalid` never resolves, so nothing can leak to a real host even if interception failed. */
export const SANDBOX_ORIGIN = 'https://zine.invalid';

/**
 * The manuscript may not run code: no scripts (ours are injected over the DevTools protocol, which CSP does not
 * govern), no frames, plugins, workers or forms. Fetches are left to interception so that each one is reported.
 */
export const CONTENT_SECURITY_POLICY = [
  "script-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export type ReportBlocked = (url: string, reason: string) => void;

export interface SandboxRoutes {
  /** URL path prefix (`/fonts/source-serif-4/`) → absolute folder served under it. */
  folders: Record<string, string>;
  /** URL path → generated content (the document itself). */
  generated: Map<string, { body: string | Uint8Array; type: string }>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

/** A page whose every request goes through `routes`; call `setRoutes` before each load. */
export interface SandboxedPage {
  page: Page;
  /** Serve `routes` from now on and send blocked requests to `report` (once per URL until the next call). */
  setRoutes: (routes: SandboxRoutes, report: ReportBlocked) => void;
}

/** Turn on interception on `page` and report CSP violations (a blocked script or frame in the manuscript). */
export async function sandboxPage(page: Page): Promise<SandboxedPage> {
  let routes: SandboxRoutes = { folders: {}, generated: new Map() };
  let report: ReportBlocked = () => undefined;
  let reported = new Set<string>();
  const reportOnce: ReportBlocked = (url, reason) => {
    if (reported.has(url)) return;
    reported.add(url);
    report(url, reason);
  };

  await page.setRequestInterception(true);
  page.on('request', (request) => {
    answer(request, routes, reportOnce).catch((error: Error) => {
      reportOnce(request.url(), `could not be served: ${error.message}`);
      if (!request.isInterceptResolutionHandled()) request.abort('failed').catch(() => undefined);
    });
  });
  await page.exposeFunction('__zineReportViolation', (url: string, directive: string) =>
    reportOnce(url || '(inline)', `blocked: the print page does not allow ${directive.replace(/-src.*/, '')} content`),
  );
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __zineReportViolation: (url: string, directive: string) => void }).__zineReportViolation(
        event.blockedURI,
        event.effectiveDirective,
      );
    });
  });
  // Chromium refuses file: URLs from an https page before any request exists; its console line is the only trace.
  page.on('console', (message) => {
    const local = /^Not allowed to load local resource: (\S+)/.exec(message.text());
    if (local) reportOnce(local[1]!, 'blocked: local files outside the manuscript cannot be used in print');
  });

  return {
    page,
    setRoutes(next, nextReport) {
      routes = next;
      report = nextReport;
      reported = new Set();
    },
  };
}

async function answer(request: HTTPRequest, routes: SandboxRoutes, report: ReportBlocked) {
  const url = new URL(request.url());
  if (url.protocol === 'data:' || url.protocol === 'blob:') return request.continue();
  // The browser's own requests (a headful-style build asks every page for /favicon.ico) are nothing the page made.
  if (isBrowserOwnRequest(request)) return request.abort('blockedbyclient');
  if (url.origin !== SANDBOX_ORIGIN) {
    report(request.url(), `blocked: ${url.protocol === 'file:' ? 'local files outside the manuscript' : 'remote resources'} cannot be used in print`);
    return request.abort('blockedbyclient');
  }
  const generated = routes.generated.get(url.pathname);
  if (generated) {
    return request.respond({
      status: 200,
      contentType: generated.type,
      headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store' },
      body: typeof generated.body === 'string' ? generated.body : Buffer.from(generated.body),
    });
  }
  if (request.isNavigationRequest()) {
    report(request.url(), 'blocked: the print page cannot be navigated away (a refresh or link in raw HTML?)');
    return request.abort('blockedbyclient');
  }
  const file = await resolveServedFile(decodeURIComponent(url.pathname), routes.folders);
  if (!file) {
    report(request.url(), 'blocked: not inside the manuscript, templates or font folders');
    return request.abort('blockedbyclient');
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    report(request.url(), 'not found');
    return request.respond({ status: 404, body: '' });
  }
  return request.respond({ status: 200, contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', body });
}

/** A request no document, stylesheet or font made: its initiator is the browser itself (favicon, prefetch). */
export function isBrowserOwnRequest(request: HTTPRequest): boolean {
  return !request.isNavigationRequest() && request.resourceType() === 'other' && request.initiator()?.type === 'other';
}

/** The file `pathname` names under the longest matching folder route, only if it really (after symlinks) lies inside it. */
export async function resolveServedFile(pathname: string, folders: Record<string, string>): Promise<string | undefined> {
  const prefix = Object.keys(folders)
    .filter((candidate) => pathname.startsWith(candidate))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  const root = folders[prefix]!;
  const file = path.resolve(root, `.${path.posix.sep}${pathname.slice(prefix.length)}`);
  if (!isInside(file, root)) return undefined;
  let realFile: string;
  let realRoot: string;
  try {
    [realFile, realRoot] = await Promise.all([realpath(file), realpath(root)]);
  } catch {
    return file; // missing: let the read fail and report "not found"
  }
  return isInside(realFile, realRoot) ? realFile : undefined;
}
