// Processes below a pid, read from /proc (Linux), named by pid and start time: to prove a build leaves no browser behind.
import { readFileSync } from 'node:fs';
import { processTree } from '../../scripts/bench/process-tree.ts';

export interface ProcessRecord {
  pid: number;
  /** Start time in clock ticks since boot: with the pid, it names the process even if the pid is reused. */
  started: string;
  command: string;
}

/** Every process below `pid` (children of any of its threads, recursively), not `pid` itself. */
export function descendants(pid: number): ProcessRecord[] {
  return processTree(pid).flatMap((member) => (member === pid ? [] : (describe(member) ?? [])));
}

/** True while the recorded process still exists and is not a zombie (a zombie runs nothing and holds no memory). */
export function isRunning(record: ProcessRecord): boolean {
  const now = describe(record.pid);
  return now !== undefined && now.started === record.started && state(record.pid) !== 'Z';
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
