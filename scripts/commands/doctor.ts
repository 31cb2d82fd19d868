// `zine doctor`: what a bug report needs (versions, platform, the browser zine would use, fonts), one `label: value` a line.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareFontConfig } from '../fonts/fontconfig.ts';
import { compiledDir } from '../bin/compiled-cli.js';
import { FONT_PACKAGES } from '../fonts/packages.ts';
import { zineCacheDir } from '../paths/cache-dir.ts';
import { resolveBrowser, type ResolvedBrowser } from '../print/resolve-browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The packages whose versions change what zine makes. */
const KEY_PACKAGES = ['puppeteer', 'pagedjs', 'epub-gen-memory', 'sharp', 'unified', 'pdf-lib'];
const VERSION_TIMEOUT_MS = 15_000;

export interface DoctorLine {
  label: string;
  value: string;
}

/** Every line of the report, in order; a new fact is one more entry here. */
export async function doctorLines(browserPath?: string): Promise<DoctorLine[]> {
  const browser = await resolveBrowser(browserPath).catch((error: Error) => error);
  return [
    { label: 'zine', value: packageVersion(ROOT) },
    { label: 'node', value: process.version },
    { label: 'platform', value: `${process.platform} ${process.arch}` },
    ...(browser instanceof Error
      ? [{ label: 'browser', value: `none: ${browser.message}` }]
      : [
          { label: 'browser', value: `${browser.source}${browser.source.endsWith(browser.executablePath) ? '' : ` (${browser.executablePath})`}` },
          { label: 'browser version', value: await browserVersion(browser) },
        ]),
    { label: 'font configuration', value: await fontConfiguration() },
    ...FONT_PACKAGES.map((font) => ({ label: `font ${font.family}`, value: packageNameAndVersion(font.folder) })),
    ...KEY_PACKAGES.map((name) => ({ label: name, value: packageVersion(path.join(ROOT, 'node_modules', name)) })),
    { label: 'cache', value: zineCacheDir() },
    { label: 'compiled code', value: compiledDir() },
  ];
}

/** The fontconfig file the browser is given (only zine's faces) and how many font files it lists. */
async function fontConfiguration(): Promise<string> {
  try {
    const config = await prepareFontConfig(zineCacheDir());
    return `${config.file} (${config.fonts.length} files of zine's own faces, no machine fonts)`;
  } catch (error) {
    return `cannot be written: ${(error as Error).message}`;
  }
}

/** The report as printed: `label: value` lines, values aligned. */
export function formatDoctorLines(lines: readonly DoctorLine[]): string {
  const width = Math.max(...lines.map((line) => line.label.length)) + 1;
  return lines.map((line) => `${`${line.label}:`.padEnd(width)} ${line.value}`).join('\n');
}

/** Ask the browser itself (`--version`, under a timeout); its own words, e.g. `Chromium 147.0.7727.0`. */
function browserVersion(browser: ResolvedBrowser): Promise<string> {
  return new Promise((resolve) => {
    execFile(browser.executablePath, ['--version'], { timeout: VERSION_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout) => {
      const version = stdout.trim().split('\n')[0];
      resolve(version || `unknown (${error ? error.message.split('\n')[0] : 'it printed nothing for --version'})`);
    });
  });
}

function packageNameAndVersion(folder: string): string {
  const manifest = readManifest(folder);
  return manifest ? `${manifest.name} ${manifest.version}` : `not installed (${folder})`;
}

function packageVersion(folder: string): string {
  return readManifest(folder)?.version ?? 'not installed';
}

function readManifest(folder: string): { name: string; version: string } | undefined {
  try {
    return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
}
