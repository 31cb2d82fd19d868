// `zine watch` as a child process for tests: its output, its preview URL, its build status, and its event stream.
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import path from 'node:path';
import { PROJECT_DIR } from './fixture.ts';

export interface WatchProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` without the trailing slash. */
  origin: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start `zine watch` with `args` and wait for the preview URL it prints. */
export async function startWatchProcess(args: string[]): Promise<WatchProcess> {
  const child = spawn(process.execPath, [path.join(PROJECT_DIR, 'scripts/bin/zine.js'), 'watch', ...args], { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await waitFor(() => /http:\/\/127\.0\.0\.1:\d+/.test(stdout) || child.exitCode !== null, 120_000, 'the preview URL');
  const origin = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout)?.[0];
  if (!origin) throw new Error(`zine watch did not start:\n${stderr}`);
  return { child, origin, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Poll `check` every 100 ms until it is true; fail after `timeoutMs` naming `what`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface PreviewStatus {
  state: string;
  build: number;
  lines: string[];
  files: Record<string, string>;
  versions: Record<string, number>;
}

/** GET `/status` of the preview. */
export async function previewStatus(origin: string): Promise<PreviewStatus> {
  return (await fetch(`${origin}/status`)).json() as Promise<PreviewStatus>;
}

/** Wait until the preview reports a finished build numbered above `after` in `state`. */
export async function waitForBuild(origin: string, after: number, state: 'ok' | 'failed'): Promise<PreviewStatus> {
  let status: PreviewStatus | undefined;
  await waitFor(async () => {
    status = await previewStatus(origin);
    return status.build > after && status.state === state;
  }, 180_000, `a ${state} build after build ${after}`);
  return status!;
}

/** Open `/events` and collect its events (name and parsed data) until `close()`. */
export function collectEvents(origin: string): { events: { event: string; data: { outputs?: string[] } }[]; close: () => void } {
  const events: { event: string; data: { outputs?: string[] } }[] = [];
  let buffer = '';
  const request = get(`${origin}/events`, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    });
  });
  request.on('error', () => undefined);
  return { events, close: () => request.destroy() };
}
