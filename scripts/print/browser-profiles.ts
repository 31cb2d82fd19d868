// Temporary browser profiles: each records the process that owns it, so one left by a killed build is removed later.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'zine-chromium-';
const OWNER_FILE = 'zine-owner-pid';
/** A profile without an owner file this old is from a build that died before writing it. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** A fresh profile folder owned by this process; first removes profiles whose owner is gone (killed with SIGKILL). */
export function createBrowserProfile(tmp = os.tmpdir()): string {
  removeOrphanedProfiles(tmp);
  const profile = mkdtempSync(path.join(tmp, PREFIX));
  writeFileSync(path.join(profile, OWNER_FILE), String(process.pid));
  return profile;
}

/** Remove `zine-chromium-*` folders in `tmp` whose owning process no longer runs. */
export function removeOrphanedProfiles(tmp: string, now = Date.now()): void {
  for (const name of readdirSync(tmp)) {
    if (!name.startsWith(PREFIX)) continue;
    const profile = path.join(tmp, name);
    if (isOrphaned(profile, now)) rmSync(profile, { recursive: true, force: true });
  }
}

function isOrphaned(profile: string, now: number): boolean {
  try {
    const owner = Number(readFileSync(path.join(profile, OWNER_FILE), 'utf8'));
    return Number.isInteger(owner) && owner > 0 && !isRunning(owner);
  } catch {
    try {
      return now - statSync(profile).mtimeMs > ORPHAN_AGE_MS;
    } catch {
      return false;
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
