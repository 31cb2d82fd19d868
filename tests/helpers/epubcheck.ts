// Run EPUBCheck (Debian's `epubcheck` package) on an EPUB and read its JSON report.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian installs the jar here; /usr/bin/epubcheck is the same jar, runnable only where binfmt_misc is mounted. */
const DEBIAN_JAR = '/usr/share/java/epubcheck.jar';

export interface EpubCheckMessage {
  ID: string;
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO';
  message: string;
  locations: { path: string; line: number; column: number }[];
}

export interface EpubCheckReport {
  checker: { checkerVersion: string; nFatal: number; nError: number; nWarning: number };
  messages: EpubCheckMessage[];
}

/** Validate `bytes` as an EPUB; resolves with EPUBCheck's report whatever it finds. */
export async function epubcheck(bytes: Uint8Array): Promise<EpubCheckReport> {
  const dir = await mkdtemp(path.join(tmpdir(), 'zine-epubcheck-'));
  const epub = path.join(dir, 'book.epub');
  const json = path.join(dir, 'report.json');
  await writeFile(epub, bytes);
  const jar = process.env.EPUBCHECK_JAR ?? (existsSync(DEBIAN_JAR) ? DEBIAN_JAR : undefined);
  const [command, args] = jar ? ['java', ['-jar', jar, epub, '--json', json]] : ['epubcheck', [epub, '--json', json]];
  await new Promise<void>((resolve, reject) => {
    execFile(command, args as string[], { timeout: 180_000 }, (error) => {
      // EPUBCheck exits non-zero when it finds errors: the report says which.
      if (error && !existsSync(json)) reject(error);
      else resolve();
    });
  });
  return JSON.parse(await readFile(json, 'utf8')) as EpubCheckReport;
}

/** The report's problems, one line each, for assertion messages. */
export function describeProblems(report: EpubCheckReport): string {
  return report.messages
    .filter((message) => message.severity === 'FATAL' || message.severity === 'ERROR' || message.severity === 'WARNING')
    .map((message) => `${message.severity}(${message.ID}) ${message.locations[0]?.path ?? ''}: ${message.message}`)
    .join('\n');
}
