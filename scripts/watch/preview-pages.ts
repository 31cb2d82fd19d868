// The preview's own markup: the client script served pages load (live reload, error overlay), the print page, the waiting page.
import { escapeHtml } from '../template/index.ts';
import type { BuildStatus } from './build-status.ts';

export const CLIENT_SCRIPT_PATH = '/_zine/client.js';

const OVERLAY_STYLE =
  'position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:2147483647;margin:0;padding:12px 16px;' +
  'background:#2b0b0b;color:#ffe9e9;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;border-top:3px solid #e5484d;text-align:left';
const OVERLAY_TITLE = 'zine: the last build failed; this is the last good output.';

/** Listens to /events: reloads the page (or the PDF frame) when its output is rewritten, shows build errors over the page. */
export const CLIENT_SCRIPT = `// zine watch: live reload and the build-error overlay.
(() => {
  const script = document.currentScript;
  const page = script.dataset.page;
  const output = page === 'print' ? 'pdf' : 'html';
  let version = Number(script.dataset.version);
  const scrollKey = 'zine-scroll:' + location.pathname;
  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    addEventListener('load', () => scrollTo(0, Number(saved)));
  }
  const showErrors = (status) => {
    let box = document.getElementById('zine-overlay');
    if (!status.failed) return box && box.remove();
    if (!box) {
      box = document.createElement('div');
      box.id = 'zine-overlay';
      box.setAttribute('role', 'alert');
      box.style.cssText = ${JSON.stringify(OVERLAY_STYLE)};
      document.body.append(box);
    }
    const title = document.createElement('strong');
    title.textContent = ${JSON.stringify(OVERLAY_TITLE)};
    const list = document.createElement('pre');
    list.style.cssText = 'white-space:pre-wrap;margin:8px 0 0;font:inherit';
    list.textContent = status.lines.join('\\n');
    box.replaceChildren(title, list);
  };
  const update = (status) => {
    showErrors(status);
    const latest = status.versions[output] || 0;
    if (latest <= version) return;
    version = latest;
    const frame = document.getElementById('zine-pdf');
    if (frame && status.files.pdf) frame.src = '/' + encodeURI(status.files.pdf) + '?v=' + latest;
    else {
      sessionStorage.setItem(scrollKey, String(scrollY));
      location.reload();
    }
  };
  const events = new EventSource('/events');
  events.addEventListener('status', (event) => update(JSON.parse(event.data)));
  events.addEventListener('reload', (event) => update(JSON.parse(event.data).status));
})();
`;

/** The overlay as markup, so a page shows the errors even before its script runs. */
export function overlayHtml(status: BuildStatus): string {
  if (!status.failed) return '';
  const lines = status.lines.map(escapeHtml).join('\n');
  return `<div id="zine-overlay" role="alert" style="${OVERLAY_STYLE}"><strong>${escapeHtml(OVERLAY_TITLE)}</strong><pre style="white-space:pre-wrap;margin:8px 0 0;font:inherit">${lines}</pre></div>`;
}

/** `html` with the overlay and the client script added before `</body>` (or at the end). */
export function injectPreview(html: string, status: BuildStatus, page: 'html' | 'print'): string {
  const version = status.versions[page === 'print' ? 'pdf' : 'html'] ?? 0;
  const tags = `${overlayHtml(status)}<script src="${CLIENT_SCRIPT_PATH}" data-page="${page}" data-version="${version}"></script>\n`;
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end < 0 ? html + tags : html.slice(0, end) + tags + html.slice(end);
}

/** The print preview: the PDF in a frame filling the window, swapped for the new one after each rebuild. */
export function printPage(status: BuildStatus): string {
  const pdf = status.files.pdf;
  const body = pdf
    ? `<iframe id="zine-pdf" title="Print preview" src="/${encodeURI(pdf)}?v=${status.versions.pdf ?? 0}"></iframe>`
    : status.outputs.includes('pdf')
      ? '<p>Waiting for the first PDF…</p>'
      : '<p>This watch does not build the PDF: start it with <code>--only html,pdf</code>.</p>';
  return injectPreview(shell('Print preview', body, 'html,body{height:100%}iframe{display:block;border:0;width:100%;height:100%}'), status, 'print');
}

export const SHEET_IMAGE_PATH = '/_zine/sheets/';

/** The sheet preview: each side of the imposed sheets as a picture, fold lines dashed blue, cut lines red; reloaded after each new PDF. */
export function sheetsPage(status: BuildStatus, preview: { version: number; layout: string; images: readonly unknown[] } | undefined): string {
  const body = preview
    ? `<p>${escapeHtml(preview.layout)}: ${preview.images.length} sheet sides, in print order (fold lines dashed blue, cut lines red; set the layout with <code>booklet.layout</code> in zine.yaml).</p>\n` +
      preview.images.map((_, index) => `<figure><img src="${SHEET_IMAGE_PATH}${index + 1}.png?v=${preview.version}" alt="Sheet side ${index + 1}"><figcaption>Side ${index + 1}</figcaption></figure>`).join('\n')
    : status.outputs.includes('pdf')
      ? '<p>Waiting for the first PDF…</p>'
      : '<p>This watch does not build the PDF: start it with <code>--only html,pdf</code>.</p>';
  const style = 'figure{margin:1em auto;max-width:min(100%,900px);text-align:center}img{display:block;width:100%;height:auto;background:#fff;box-shadow:0 1px 6px #0008}figcaption{color:#fff;font:13px system-ui,sans-serif;margin-top:.4em}';
  return injectPreview(shell('Sheet preview', body, style), status, 'print');
}

/** Shown at `/` until the first HTML edition is written. */
export function waitingPage(status: BuildStatus): string {
  const text = status.outputs.includes('html') ? 'Waiting for the first good build…' : 'This watch does not build the HTML edition: see <a href="/print">/print</a>.';
  return injectPreview(shell('zine preview', `<p>${text}</p>`, ''), status, 'html');
}

function shell(title: string, body: string, style: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>html,body{margin:0;background:#525659}p{color:#fff;font:16px/1.5 system-ui,sans-serif;padding:2em;margin:0}a,code{color:#fff}${style}</style></head>
<body>${body}</body>
</html>
`;
}
