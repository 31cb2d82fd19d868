// A process and its descendants from /proc (Linux): their ids, and their resident memory, sampled for the peak.
import { readdirSync, readFileSync } from 'node:fs';

/** `pid` and every process below it (children of any of its threads), read from /proc; empty when `pid` is gone. */
export function processTree(pid: number): number[] {
  const found: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop()!;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${next}/task`);
    } catch {
      continue;
    }
    found.push(next);
    for (const task of tasks) {
      const children = readQuietly(`/proc/${next}/task/${task}/children`);
      for (const child of children.split(' ').filter(Boolean)) pending.push(Number(child));
    }
  }
  return found;
}

/** Resident set size in bytes of each process in the tree, summed (shared pages count once per process). */
export function treeRss(pid: number): number {
  let total = 0;
  for (const member of processTree(pid)) {
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(readQuietly(`/proc/${member}/status`));
    if (rss) total += Number(rss[1]) * 1024;
  }
  return total;
}

/** True while `pid` exists and is not a zombie. */
export function isRunning(pid: number): boolean {
  const stat = readQuietly(`/proc/${pid}/stat`);
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** Sample the tree's RSS every `intervalMs` until `stop()`, which returns the peak in bytes. */
export function sampleTreeRss(pid: number, intervalMs = 100): { stop: () => number } {
  let peak = treeRss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRss(pid));
    },
  };
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
