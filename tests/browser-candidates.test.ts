import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { browserCandidates, noBrowserMessage, type BrowserSearch } from '../scripts/print/browser-candidates.ts';
import { resolveBrowser } from '../scripts/print/resolve-browser.ts';

/** The labels of the candidates for `search`, with only `installed` files existing. */
function labels(search: Omit<BrowserSearch, 'exists'>, installed: string[]): string[] {
  return browserCandidates({ ...search, exists: (file) => installed.includes(file) }).map((candidate) => candidate.label);
}

describe('browser candidates per platform', () => {
  test('Linux x64: the embedded Chromium first, then system browsers by name, PATH before the usual folders', () => {
    const env = { PATH: '/home/me/bin:/usr/bin' };
    assert.deepEqual(labels({ platform: 'linux', arch: 'x64', env }, ['/usr/bin/google-chrome', '/snap/bin/chromium', '/home/me/bin/microsoft-edge']), [
      'embedded @sparticuz/chromium',
      'system /snap/bin/chromium',
      'system /usr/bin/google-chrome',
      'system /home/me/bin/microsoft-edge',
    ]);
  });

  test('Linux arm64: no embedded build, only system browsers; none installed gives no candidate', () => {
    assert.deepEqual(labels({ platform: 'linux', arch: 'arm64', env: {} }, ['/usr/bin/chromium-browser']), ['system /usr/bin/chromium-browser']);
    assert.deepEqual(labels({ platform: 'linux', arch: 'arm64', env: {} }, []), []);
  });

  test('macOS: Chrome, Chromium, Edge, Brave in /Applications, then ~/Applications', () => {
    const installed = [
      '/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/usr/bin/chromium',
    ];
    assert.deepEqual(labels({ platform: 'darwin', arch: 'arm64', env: { PATH: '/usr/bin' }, home: '/Users/me' }, installed), [
      'system /Users/me/Applications/Chromium.app/Contents/MacOS/Chromium',
      'system /Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'system /Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
    ]);
  });

  test('Windows: Chrome, Edge, Chromium under Program Files, Program Files (x86) and LocalAppData, whatever the case of the variables', () => {
    const env = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' };
    const installed = [
      'C:\\Users\\me\\AppData\\Local\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ];
    assert.deepEqual(labels({ platform: 'win32', arch: 'x64', env }, installed), [
      'system C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'system C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'system C:\\Users\\me\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    ]);
  });

  test('--browser, else ZINE_BROWSER, is the only candidate on every platform, installed or not', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const env = { ZINE_BROWSER: '/opt/env-chrome', PATH: '/usr/bin' };
      assert.deepEqual(labels({ platform, arch: 'x64', env, explicitPath: './my-chrome' }, ['/usr/bin/chromium']), ['--browser ./my-chrome']);
      assert.deepEqual(labels({ platform, arch: 'x64', env }, ['/usr/bin/chromium']), ['ZINE_BROWSER=/opt/env-chrome']);
    }
  });

  test('with nothing found, the message says what to install on the platform and which flag or variable to set', () => {
    const flags = /--browser PATH.*ZINE_BROWSER/;
    assert.match(noBrowserMessage('darwin', 'arm64'), /Google Chrome.*brew install --cask chromium/);
    assert.match(noBrowserMessage('win32', 'x64'), /Google Chrome.*Microsoft Edge/);
    assert.match(noBrowserMessage('linux', 'arm64'), /Linux x64 only, this is linux arm64.*sudo apt install chromium/);
    assert.match(noBrowserMessage('linux', 'x64', 'disk full'), /could not be unpacked: disk full/);
    for (const message of [noBrowserMessage('darwin', 'arm64'), noBrowserMessage('win32', 'x64'), noBrowserMessage('linux', 'arm64')]) assert.match(message, flags);
  });
});

describe('resolveBrowser on this machine', () => {
  test('--browser and ZINE_BROWSER must be executable files; otherwise the embedded Chromium (Linux x64)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zine-browser-'));
    try {
      const fake = path.join(dir, 'chromium');
      await writeFile(fake, '#!/bin/sh\n', { mode: 0o755 });
      await writeFile(path.join(dir, 'not-executable'), '', { mode: 0o644 });
      assert.deepEqual(await resolveBrowser(fake, {}), { executablePath: fake, source: `--browser ${fake}`, embedded: false });
      assert.equal((await resolveBrowser(undefined, { ZINE_BROWSER: fake })).source, `ZINE_BROWSER=${fake}`);
      await assert.rejects(resolveBrowser(path.join(dir, 'missing')), /^Error: --browser: no executable browser at .*missing$/);
      await assert.rejects(resolveBrowser(undefined, { ZINE_BROWSER: path.join(dir, 'not-executable') }), /ZINE_BROWSER: no executable browser/);
      if (process.platform === 'linux' && process.arch === 'x64') {
        const embedded = await resolveBrowser(undefined, { PATH: dir });
        assert.equal(embedded.source, 'embedded @sparticuz/chromium');
        assert.equal(embedded.embedded, true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
