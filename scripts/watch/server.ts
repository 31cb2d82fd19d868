// The preview server (node:http, 127.0.0.1 only): the HTML edition at /, the PDF at /print, the imposed sheets at
// /sheets, build events at /events.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BuildStatus, WatchEvent } from './build-status.ts';
import { contentTypeOf, resolveOutputFile } from './output-file.ts';
import { CLIENT_SCRIPT, CLIENT_SCRIPT_PATH, injectPreview, printPage, SHEET_IMAGE_PATH, sheetsPage, waitingPage } from './preview-pages.ts';
import type { SheetPreview, SheetPreviews } from './sheet-previews.ts';

export const PREVIEW_HOST = '127.0.0.1';
const KEEP_ALIVE_MS = 15_000;

export interface PreviewServerOptions {
  /** Absolute output folder: the only files served. */
  outDir: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** The current build status. */
  status: () => BuildStatus;
  /** Pictures of the imposed sheets, for /sheets. */
  sheets: SheetPreviews;
}

export interface PreviewServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Send `event` to every open page. */
  publish: (event: WatchEvent) => void;
  close: () => Promise<void>;
}

/** Start the preview server; resolves once it listens. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    handle(request, response, options, clients).catch((error: Error) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `zine: ${error.message}\n`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? Object.assign(new Error(`Port ${options.port} on ${PREVIEW_HOST} is in use: pick another with --port, or --port 0 for a free one`), { code: error.code }) : error),
    );
    server.listen(options.port, PREVIEW_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const keepAlive = setInterval(() => clients.forEach((client) => client.write(': keep-alive\n\n')), KEEP_ALIVE_MS).unref();
  return {
    url: `http://${PREVIEW_HOST}:${port}/`,
    publish(event) {
      const frame = event.type === 'status' ? sseFrame('status', event.status) : sseFrame('reload', { outputs: event.outputs, status: event.status });
      for (const client of clients) client.write(frame);
    },
    async close() {
      clearInterval(keepAlive);
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: PreviewServerOptions, clients: Set<ServerResponse>) {
  if (!isLocalHost(request.headers.host)) return send(response, 403, 'text/plain; charset=utf-8', 'zine: this preview only answers to 127.0.0.1 and localhost\n');
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'zine: GET only\n');
  const pathname = (request.url ?? '/').split('?')[0]!;
  const status = options.status();
  switch (pathname) {
    case '/events':
      return openEventStream(response, status, clients);
    case '/status':
      return send(response, 200, 'application/json', `${JSON.stringify(status)}\n`);
    case CLIENT_SCRIPT_PATH:
      return send(response, 200, 'text/javascript; charset=utf-8', CLIENT_SCRIPT);
    case '/print':
      return send(response, 200, 'text/html; charset=utf-8', printPage(status));
    case '/':
      return sendEdition(response, options.outDir, status);
    case '/sheets':
      return send(response, 200, 'text/html; charset=utf-8', sheetsPage(status, await options.sheets(status)));
  }
  if (pathname.startsWith(SHEET_IMAGE_PATH)) return sendSheetImage(response, pathname.slice(SHEET_IMAGE_PATH.length), await options.sheets(status));
  const file = await resolveOutputFile(options.outDir, pathname);
  if (!file) return send(response, pathname.split('/').some((segment) => /^(\.|%2e)/i.test(segment)) ? 403 : 404, 'text/plain; charset=utf-8', 'zine: not found\n');
  if (path.extname(file) === '.html') return send(response, 200, 'text/html; charset=utf-8', injectPreview(await readFile(file, 'utf8'), status, 'html'));
  response.writeHead(200, { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-store' });
  if (request.method === 'HEAD') return response.end();
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
}

function sendSheetImage(response: ServerResponse, name: string, preview: SheetPreview | undefined) {
  const image = /^[1-9]\d*\.png$/.test(name) ? preview?.images[Number.parseInt(name, 10) - 1] : undefined;
  if (!image) return send(response, 404, 'text/plain; charset=utf-8', 'zine: not found\n');
  response.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store', 'Content-Length': image.byteLength });
  response.end(response.req.method === 'HEAD' ? undefined : image);
}

async function sendEdition(response: ServerResponse, outDir: string, status: BuildStatus) {
  const file = status.files.html && (await resolveOutputFile(outDir, `/${encodeURIComponent(status.files.html)}`));
  const html = file ? injectPreview(await readFile(file, 'utf8'), status, 'html') : waitingPage(status);
  send(response, 200, 'text/html; charset=utf-8', html);
}

function openEventStream(response: ServerResponse, status: BuildStatus, clients: Set<ServerResponse>) {
  response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  response.write(`retry: 1000\n\n${sseFrame('status', status)}`);
  clients.add(response);
  response.on('close', () => clients.delete(response));
}

function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function send(response: ServerResponse, code: number, type: string, body: string) {
  response.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

/** Refuse other host names (a DNS-rebinding page cannot read the preview). */
function isLocalHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '');
  return name === PREVIEW_HOST || name === 'localhost' || name === '[::1]';
}
