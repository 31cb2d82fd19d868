// A process and its descendants from /proc (Linux): their ids, and their memory (RSS and PSS), sampled for the peak.
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

export interface TreeMemory {
  /** Resident set sizes summed, bytes: a page shared by several processes counts once per process. */
  rss: number;
  /** Proportional set sizes summed, bytes: shared pages split between their processes (what the tree really holds). */
  pss: number;
}

/** The memory of `pid` and its descendants. */
export function treeMemory(pid: number): TreeMemory {
  const total = { rss: 0, pss: 0 };
  for (const member of processTree(pid)) {
    total.rss += kilobytes(/^VmRSS:\s+(\d+) kB/m, readQuietly(`/proc/${member}/status`));
    total.pss += kilobytes(/^Pss:\s+(\d+) kB/m, readQuietly(`/proc/${member}/smaps_rollup`));
  }
  return total;
}

/** True while `pid` exists and is not a zombie. */
export function isRunning(pid: number): boolean {
  const stat = readQuietly(`/proc/${pid}/stat`);
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) each process of the tree has used so far, milliseconds. */
export function treeCpuMs(pid: number): Map<number, number> {
  const used = new Map<number, number>();
  for (const member of processTree(pid)) {
    const stat = readQuietly(`/proc/${member}/stat`);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length > 13) used.set(member, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
  }
  return used;
}

/** Sample the tree every `intervalMs` until `stop()`: peak memory, and CPU time used (processes seen alive only). */
export function sampleTreeMemory(pid: number, intervalMs = 100): { stop: () => TreeMemory & { cpuMs: number } } {
  const peak = { rss: 0, pss: 0 };
  const cpu = new Map<number, number>();
  const sample = () => {
    const now = treeMemory(pid);
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
    for (const [member, ms] of treeCpuMs(pid)) cpu.set(member, Math.max(cpu.get(member) ?? 0, ms));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { ...peak, cpuMs: [...cpu.values()].reduce((sum, ms) => sum + ms, 0) };
    },
  };
}

function kilobytes(pattern: RegExp, text: string): number {
  const match = pattern.exec(text);
  return match ? Number(match[1]) * 1024 : 0;
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
