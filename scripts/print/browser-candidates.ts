// Where to look for a browser on each platform, in order: a pure function of platform, arch, environment and file existence.
import path from 'node:path';

export type BrowserCandidate =
  /** A path the user gave (`--browser` or `ZINE_BROWSER`): used as is, or an error when it is not there. */
  | { kind: 'given'; origin: '--browser' | 'ZINE_BROWSER'; executablePath: string; label: string }
  /** The Chromium inside the `@sparticuz/chromium` package: its path is known only once it is unpacked. */
  | { kind: 'embedded'; label: string }
  /** An installed Chrome, Chromium, Edge or Brave that exists on this machine. */
  | { kind: 'system'; executablePath: string; label: string };

export interface BrowserSearch {
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
  /** Whether `file` is an executable file (the caller's file system; tests pass a fake). */
  exists: (file: string) => boolean;
  /** The CLI's `--browser`. */
  explicitPath?: string;
  /** The user's home folder (macOS looks in ~/Applications). */
  home?: string;
}

export const EMBEDDED_LABEL = 'embedded @sparticuz/chromium';

/** `@sparticuz/chromium` ships one build, for Linux on x64. */
export function embeddedBrowserRuns(platform: NodeJS.Platform, arch: string): boolean {
  return platform === 'linux' && arch === 'x64';
}

/**
 * The browsers to try, best first: `--browser`, else `ZINE_BROWSER` (each alone: a path the user gave is never
 * silently replaced), else the embedded Chromium where it runs (a pinned build gives the same PDF on every machine),
 * then the system browsers that exist.
 */
export function browserCandidates(search: BrowserSearch): BrowserCandidate[] {
  if (search.explicitPath) return [{ kind: 'given', origin: '--browser', executablePath: search.explicitPath, label: `--browser ${search.explicitPath}` }];
  const fromEnv = search.env.ZINE_BROWSER;
  if (fromEnv) return [{ kind: 'given', origin: 'ZINE_BROWSER', executablePath: fromEnv, label: `ZINE_BROWSER=${fromEnv}` }];
  const embedded: BrowserCandidate[] = embeddedBrowserRuns(search.platform, search.arch) ? [{ kind: 'embedded', label: EMBEDDED_LABEL }] : [];
  const system = systemBrowserPaths(search.platform, search.env, search.home)
    .filter(search.exists)
    .map((executablePath): BrowserCandidate => ({ kind: 'system', executablePath, label: `system ${executablePath}` }));
  return [...embedded, ...system];
}

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
const LINUX_DIRS = ['/usr/bin', '/usr/local/bin', '/snap/bin', '/opt/google/chrome', '/opt/microsoft/msedge'];
const MAC_APPS = ['Google Chrome', 'Chromium', 'Microsoft Edge', 'Brave Browser'];
const WINDOWS_APPS = [path.win32.join('Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join('Microsoft', 'Edge', 'Application', 'msedge.exe'), path.win32.join('Chromium', 'Application', 'chrome.exe')];
const WINDOWS_ROOTS = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'];

/** Every place a system browser may be installed on `platform`, in order of preference (existing or not). */
export function systemBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home?: string): string[] {
  if (platform === 'darwin') {
    const folders = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])];
    return MAC_APPS.flatMap((app) => folders.map((folder) => path.posix.join(folder, `${app}.app`, 'Contents', 'MacOS', app)));
  }
  if (platform === 'win32') {
    const roots = WINDOWS_ROOTS.map((name) => envValue(env, name)).filter((root): root is string => Boolean(root));
    return WINDOWS_APPS.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  const dirs = [...new Set([...(env.PATH ?? '').split(path.posix.delimiter).filter(Boolean), ...LINUX_DIRS])];
  return LINUX_NAMES.flatMap((name) => dirs.map((dir) => path.posix.join(dir, name)));
}

/** What to do when no browser was found: what to install on this platform, or which flag or variable to set. */
export function noBrowserMessage(platform: NodeJS.Platform, arch: string, embeddedFailure?: string): string {
  const give = 'or point zine at a Chrome or Chromium with `--browser PATH` or the ZINE_BROWSER environment variable';
  if (platform === 'darwin') return `No browser to print with: install Google Chrome (https://www.google.com/chrome/) or Chromium (\`brew install --cask chromium\`) in /Applications, ${give}.`;
  if (platform === 'win32') return `No browser to print with: install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge, ${give}.`;
  const why = embeddedFailure ? `the embedded Chromium could not be unpacked: ${embeddedFailure}` : `the embedded Chromium runs on Linux x64 only, this is ${platform} ${arch}`;
  return `No browser to print with (${why}): install Chromium (Debian/Ubuntu: \`sudo apt install chromium\`; Fedora: \`sudo dnf install chromium\`), ${give}.`;
}

/** Windows spells its variables in any case (`ProgramFiles`, `PROGRAMFILES`); a plain object passed in tests does not fold them. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}
