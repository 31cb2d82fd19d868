// Run an external program (pdftoppm, Ghostscript) with bytes on stdin; a missing program says which package to install.
import { spawn } from 'node:child_process';

/** A program zine runs is not installed: the message names the Debian package that brings it. */
export class MissingToolError extends Error {
  constructor(program: string, debianPackage: string, purpose: string) {
    super(`${purpose} needs \`${program}\`, which is not installed: sudo apt-get install ${debianPackage}`);
    this.name = 'MissingToolError';
  }
}

export interface ToolResult {
  stdout: Buffer;
  stderr: string;
}

/** Run `program args` with `input` on stdin; rejects with MissingToolError when absent, or with its stderr on a failure. */
export function runTool(program: string, args: string[], tool: { debianPackage: string; purpose: string; input?: Uint8Array; environment?: Record<string, string> }): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...tool.environment } });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new MissingToolError(program, tool.debianPackage, tool.purpose) : error);
    });
    child.on('close', (code) => {
      const result = { stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') };
      if (code === 0) resolve(result);
      else reject(new Error(`${program} failed (exit ${code}): ${result.stderr.trim().split('\n').slice(-3).join(' ')}`));
    });
    child.stdin.on('error', () => {}); // a program that exits early closes its stdin; its exit code tells the story
    child.stdin.end(tool.input ?? new Uint8Array());
  });
}
