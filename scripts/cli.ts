// The `zine` command line: argument parsing and exit codes (0 ok, 1 manuscript errors, 2 usage or zine.yaml errors).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from './build/index.ts';
import { formatMessages } from './build/format-messages.ts';
import { OUTPUT_NAMES, parseOutputList } from './build/outputs.ts';
import { loadBook } from './manuscript/index.ts';
import { hasErrors } from './manuscript/report.ts';

const USAGE = `Usage:
  zine build [manuscript-dir] [--out dir] [--only ${OUTPUT_NAMES.join(',')}]
  zine check [manuscript-dir]
  zine --help | --version

The manuscript folder defaults to ./manuscript, the output folder to ./build.
Exit codes: 0 done, 1 the manuscript has errors, 2 usage error or invalid zine.yaml.`;

class UsageError extends Error {}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return say(USAGE, 0);
  if (values.version) return say(readVersion(), 0);
  const [command, manuscriptArg, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest[0]}`);
  const manuscriptDir = path.resolve(manuscriptArg ?? 'manuscript');
  switch (command) {
    case 'build':
      return runBuild(manuscriptDir, path.resolve(values.out ?? 'build'), values.only);
    case 'check':
      return runCheck(manuscriptDir);
    case undefined:
      return say(USAGE, 2);
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

async function runBuild(manuscriptDir: string, outDir: string, only: string | undefined): Promise<number> {
  const outputs = only === undefined ? OUTPUT_NAMES : parseOutputList(only);
  if (!outputs) throw new UsageError(`--only takes a comma-separated list of: ${OUTPUT_NAMES.join(', ')}`);
  const started = performance.now();
  const result = await build({ manuscriptDir, outDir, only: outputs, log: (line) => console.error(`zine: ${line}`) });
  process.stderr.write(formatMessages(result.files));
  if (!result.ok) return exitCodeFor(result.files, true);
  console.error(`zine: done in ${Math.round(performance.now() - started)} ms`);
  return 0;
}

async function runCheck(manuscriptDir: string): Promise<number> {
  const { book, files } = await loadBook(manuscriptDir);
  process.stderr.write(formatMessages(files));
  return exitCodeFor(files, book === undefined);
}

function exitCodeFor(files: Parameters<typeof hasErrors>[0], configInvalid: boolean): number {
  if (configInvalid && files.length === 1) return 2;
  return hasErrors(files) ? 1 : 0;
}

function say(text: string, code: number): number {
  console.log(text);
  return code;
}

function readVersion(): string {
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`zine: ${(error as Error).message}${usage ? `\n\n${USAGE}` : ''}`);
    process.exitCode = usage ? 2 : 70;
  },
);
