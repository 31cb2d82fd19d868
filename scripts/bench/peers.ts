// The peers `--compare` runs beside zine, found or installed into the bench's temp folder: Vivliostyle CLI (npm) and Pandoc (Debian).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** A command ready to spawn: its executable and the environment it needs. */
export interface PeerCommand {
  file: string;
  env: NodeJS.ProcessEnv;
  /** Arguments every run starts with (Pandoc's data folder when it was unpacked here). */
  args: string[];
  version: string;
}

/** What Pandoc needs besides itself when unpacked from Debian without installing: its data files and two libraries. */
const PANDOC_DEBS = ['pandoc', 'pandoc-data', 'liblua5.3-0', 'libyaml-0-2'];

/** Vivliostyle CLI: installed from npm into `<temp>/vivliostyle` with install scripts off (it is handed a browser, so puppeteer downloads none). */
export function vivliostyleCli(temp: string, log: (line: string) => void): PeerCommand {
  const prefix = path.join(temp, 'vivliostyle');
  const bin = path.join(prefix, 'node_modules', '.bin', 'vivliostyle');
  if (!existsSync(bin)) {
    log('bench: installing @vivliostyle/cli from npm into the temp folder…');
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '@vivliostyle/cli'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' };
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8', env }).split('\n')[0]!.trim();
  return { file: bin, env, args: [], version: `Vivliostyle ${version}` };
}

/** Pandoc: the one on PATH, else Debian's packages fetched with `apt-get download` and unpacked with `dpkg -x` into `<temp>/pandoc`. */
export function pandoc(temp: string, log: (line: string) => void): PeerCommand {
  const installed = onPath('pandoc');
  if (installed) return { file: installed, env: process.env, args: [], version: versionOf(installed, process.env, []) };
  const root = path.join(temp, 'pandoc');
  const file = path.join(root, 'usr', 'bin', 'pandoc');
  if (!existsSync(file)) {
    log('bench: fetching pandoc from Debian (apt-get download) into the temp folder…');
    mkdirSync(root, { recursive: true });
    execFileSync('apt-get', ['download', ...PANDOC_DEBS], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    for (const deb of readdirSync(root).filter((name) => name.endsWith('.deb'))) execFileSync('dpkg', ['-x', deb, '.'], { cwd: root });
  }
  const libraries = readdirSync(path.join(root, 'usr', 'lib')).map((dir) => path.join(root, 'usr', 'lib', dir));
  const env = { ...process.env, LD_LIBRARY_PATH: [...libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') };
  const args = ['--data-dir', path.join(root, 'usr', 'share', 'pandoc', 'data')];
  return { file, env, args, version: versionOf(file, env, args) };
}

function versionOf(file: string, env: NodeJS.ProcessEnv, args: string[]): string {
  return execFileSync(file, [...args, '--version'], { encoding: 'utf8', env }).split('\n')[0]!.trim();
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}
