// Shared by the hostile-manuscript tests: the CLI run as a child, the "no crash" check, a loopback server counting requests.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PROJECT_DIR } from './fixture.ts';

export const ZINE_BIN = path.join(PROJECT_DIR, 'scripts/bin/zine.js');

export interface ZineRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningZine {
  child: ChildProcess;
  /** Resolves when stderr has printed a line matching `pattern` (rejects if the process ends first). */
  waitForLine: (pattern: RegExp) => Promise<string>;
  done: Promise<ZineRun>;
}

/** Start `zine` with `args` without blocking the event loop (a loopback server in this process must keep answering). */
export function startZine(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): RunningZine {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ZINE_BIN, ...args], { cwd: options.cwd ?? PROJECT_DIR, env: options.env ?? process.env });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const waiter of [...waiters]) {
      const line = stderr.split('\n').find((candidate) => waiter.pattern.test(candidate));
      if (line === undefined) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const done = new Promise<ZineRun>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  const waitForLine = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      waiters.push({ pattern, resolve });
      void done.then(() => reject(new Error(`zine ended before printing ${pattern}:\n${stderr}`)));
    });
  return { child, waitForLine, done };
}

/** Run `zine` to the end. */
export function runZineAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Promise<ZineRun> {
  return startZine(args, options).done;
}

/** A problem is a message and an exit code, never a crash: exit 0, 1 or 2 (not 70 or a signal) and no stack trace. */
export function assertNoCrash(run: ZineRun) {
  assert.equal(run.signal, null, `zine was killed by ${run.signal}:\n${run.stderr}`);
  assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `exit ${run.status}:\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /^\s+at .+/m, 'stderr has a stack trace');
}

/** The message lines of a run (`file:line:column  severity  message  rule`), without progress and summary lines. */
export function messageLines(run: ZineRun): string[] {
  return run.stderr.split('\n').filter((line) => /^\S+:\d+:\d+\s+(error|warning|info)\s/.test(line));
}

/** A loopback HTTP server that records every request it gets (and answers each, so nothing waits on it). */
export async function recordingServer() {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'text/plain' }).end('served');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Replace `{{KEY}}` with `values[KEY]` in every text file of the manuscript `dir` (fixtures refer to runtime hosts and paths so). */
export function fillPlaceholders(dir: string, values: Record<string, string>) {
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, name);
    if (!/\.(md|ya?ml)$/.test(name) || !statSync(file).isFile()) continue;
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/\{\{([A-Z_]+)\}\}/g, (placeholder, key: string) => values[key] ?? placeholder));
  }
}

/** Every file under `dir` (relative path → sha256 of its bytes), to prove a folder was left untouched. */
export function snapshotDir(dir: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) snapshot[name] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return snapshot;
}
