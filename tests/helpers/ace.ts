// Run Ace by DAISY (the EPUB accessibility checker, npm @daisy/ace-cli) on an EPUB and read its findings.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveBrowser } from '../../scripts/print/resolve-browser.ts';

export interface AceFinding {
  impact: 'minor' | 'moderate' | 'serious' | 'critical';
  rule: string;
  /** The EPUB file it is in, and what Ace says of it. */
  where: string;
  description: string;
}

interface AceReport {
  assertions: { 'earl:testSubject': { url: string }; assertions: { 'earl:test': { 'earl:impact': AceFinding['impact']; 'dct:title': string }; 'earl:result': { 'dct:description': string } }[] }[];
}

const ACE_CLI = createRequire(import.meta.url).resolve('@daisy/ace-cli/bin/ace.js');

/** Every finding Ace makes on `bytes`, rendering its documents in the browser zine prints with (no download). */
export async function ace(bytes: Uint8Array): Promise<AceFinding[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'zine-ace-'));
  try {
    const epub = path.join(dir, 'book.epub');
    await writeFile(epub, bytes);
    const { executablePath } = await resolveBrowser();
    // Ace waits 5 s for the browser by default: too short for a loaded 2-core machine.
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: executablePath, ACE_TIMEOUT_INITIAL: '60000' };
    await new Promise<void>((resolve, reject) => {
      execFile(process.execPath, [ACE_CLI, '--silent', '--force', '--outdir', path.join(dir, 'report'), epub], { env, timeout: 300_000 }, (error, _stdout, stderr) =>
        error ? reject(new Error(`Ace failed: ${stderr || error.message}`)) : resolve(),
      );
    });
    const report = JSON.parse(await readFile(path.join(dir, 'report', 'report.json'), 'utf8')) as AceReport;
    return report.assertions.flatMap((subject) =>
      subject.assertions.map((finding) => ({
        impact: finding['earl:test']['earl:impact'],
        rule: finding['earl:test']['dct:title'],
        where: subject['earl:testSubject'].url,
        description: finding['earl:result']['dct:description'],
      })),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The findings at `serious` or `critical`, one line each. */
export function seriousFindings(findings: AceFinding[]): string[] {
  return findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical').map((finding) => `${finding.impact} ${finding.rule} ${finding.where}: ${finding.description}`);
}
