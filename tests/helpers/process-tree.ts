// Processes below a pid, read from /proc (Linux): to prove a build leaves no browser behind.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessRecord {
  pid: number;
  /** Start time in clock ticks since boot: with the pid, it names the process even if the pid is reused. */
  started: string;
  command: string;
}

/** Every process below `pid` (children of any of its threads, recursively), not `pid` itself. */
export function descendants(pid: number): ProcessRecord[] {
  const found: ProcessRecord[] = [];
  const pending = childrenOf(pid);
  while (pending.length > 0) {
    const next = pending.pop()!;
    const record = describe(next);
    if (!record) continue;
    found.push(record);
    pending.push(...childrenOf(next));
  }
  return found;
}

/** True while the recorded process still exists and is not a zombie (a zombie runs nothing and holds no memory). */
export function isRunning(record: ProcessRecord): boolean {
  const now = describe(record.pid);
  return now !== undefined && now.started === record.started && state(record.pid) !== 'Z';
}

function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((task) => read(`/proc/${pid}/task/${task}/children`).split(' ').filter(Boolean).map(Number));
}

function describe(pid: number): ProcessRecord | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === '') return undefined;
  // Fields after the command (which may hold spaces) start with the state; starttime is field 22 of the whole line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pid, started: fields[19]!, command: read(`/proc/${pid}/cmdline`).split('\0').join(' ').trim() };
}

function state(pid: number): string {
  const stat = read(`/proc/${pid}/stat`);
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
