// Run one benchmark step in a fresh Node process (through tsx), sampling the memory of its whole process tree.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sampleTreeMemory, type TreeMemory } from './process-tree.ts';

export interface ChildRun<T> {
  result: T;
  /** Spawn to exit, milliseconds. */
  wallMs: number;
  /** Peak memory of the child and its descendants (the browser). */
  peak: TreeMemory;
  /** CPU time the child and its descendants used (user + system, as last seen before exit), ms. */
  cpuMs: number;
}

/** Run `script` (a file in this folder) with `args`; its last stdout line is its JSON result. */
export function runChild<T>(script: string, args: string[]): Promise<ChildRun<T>> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const memory = sampleTreeMemory(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const { cpuMs, ...peak } = memory.stop();
      const wallMs = Math.round(performance.now() - started);
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`${script} exited with ${code}:\n${stderr.slice(-2000)}`));
      resolve({ result: JSON.parse(last) as T, wallMs, peak, cpuMs: Math.round(cpuMs) });
    });
  });
}
