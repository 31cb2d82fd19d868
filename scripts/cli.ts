// The `zine` command line: argument parsing and exit codes (0 ok, 1 manuscript errors, 2 usage or zine.yaml errors).
// Each command imports its stages when it runs (`await import`), so `zine --version` or `zine check` loads no browser or PDF code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OUTPUT_NAMES, parseOutputList } from './build/outputs.ts';
import { hasErrors } from './manuscript/report.ts';
import type { LayoutName, SheetChoice } from './impose/index.ts';

const USAGE = `Usage:
  zine build [manuscript-dir] [--out dir] [--only ${OUTPUT_NAMES.join(',')}] [--browser path]
  zine check [manuscript-dir]
  zine preflight [manuscript-dir | file.pdf] [--out dir] [--browser path]
  zine watch [manuscript-dir] [--out dir] [--only html,pdf] [--browser path] [--port n]
  zine impose <file.pdf> --layout booklet|minizine|quarter|cut-stack|nup [--sheet auto|a4|letter|a3|a5]
              [--binding left|right] [--signature-sheets n|4-8] [--creep 0.5mm] [--per-side 4]
              [--guides] [--preview] [--out file.pdf]
  zine doctor [--browser path]
  zine init [dir] [--title "The Title"] [--lang en]      a new manuscript that builds at once
  zine add chapter "The Title" [manuscript-dir]          a new chapter file, listed in zine.yaml
  zine import <file.docx> [dir] [--lang en]              a Word document as a new manuscript
  zine theme eject [manuscript-dir]                      copy the theme's templates into <manuscript>/templates/
  zine --help | --version

zine.yaml's theme: picks the look: default, large-print, pocket or cutpaste.

The manuscript folder defaults to ./manuscript, the output folder to ./build.
Exit codes: 0 done, 1 the manuscript has errors, 2 usage error or invalid zine.yaml.`;

class UsageError extends Error {}

const OPTIONS = {
  out: { type: 'string' },
  only: { type: 'string' },
  browser: { type: 'string' },
  port: { type: 'string' },
  layout: { type: 'string' },
  sheet: { type: 'string' },
  'signature-sheets': { type: 'string' },
  creep: { type: 'string' },
  binding: { type: 'string' },
  'per-side': { type: 'string' },
  guides: { type: 'boolean' },
  preview: { type: 'boolean' },
  title: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  if (values.help) return say(USAGE, 0);
  if (values.version) return say(readVersion(), 0);
  const [command, target, ...rest] = positionals;
  if (command !== undefined && command in SCAFFOLD_COMMANDS) return SCAFFOLD_COMMANDS[command]!(positionals.slice(1), values);
  if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest[0]}`);
  const manuscriptDir = path.resolve(target ?? 'manuscript');
  switch (command) {
    case 'build':
      return runBuild(manuscriptDir, path.resolve(values.out ?? 'build'), values.only, values.browser);
    case 'check':
      return runCheck(manuscriptDir);
    case 'preflight':
      return preflightCommand(manuscriptDir, path.resolve(values.out ?? 'build'), values.browser);
    case 'watch':
      return watchCommand(manuscriptDir, path.resolve(values.out ?? 'build'), values);
    case 'impose':
      return imposeCommand(target, values);
    case 'doctor':
      return doctorCommand(target, values.browser);
    case undefined:
      return say(USAGE, 2);
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

async function runBuild(manuscriptDir: string, outDir: string, only: string | undefined, browserPath: string | undefined): Promise<number> {
  const outputs = only === undefined ? OUTPUT_NAMES : parseOutputList(only);
  if (!outputs) throw new UsageError(`--only takes a comma-separated list of: ${OUTPUT_NAMES.join(', ')}`);
  const started = performance.now();
  const { createBuilder, formatMessages } = await import('./build/index.ts');
  const builder = createBuilder({ manuscriptDir, outDir, browserPath: browserPath && path.resolve(browserPath), log: (line) => console.error(`zine: ${line}`) });
  const closeOnSignal = () => void builder.close().finally(() => process.exit(130));
  process.once('SIGINT', closeOnSignal).once('SIGTERM', closeOnSignal);
  const result = await builder.build(outputs).finally(() => builder.close());
  process.stderr.write(formatMessages(result.files));
  if (!result.ok) return exitCodeFor(result.files, true);
  console.error(`zine: done in ${Math.round(performance.now() - started)} ms`);
  return 0;
}

async function runCheck(manuscriptDir: string): Promise<number> {
  const [{ loadBook }, { formatMessages }] = await Promise.all([import('./manuscript/index.ts'), import('./build/format-messages.ts')]);
  const { book, files } = await loadBook(manuscriptDir);
  process.stderr.write(formatMessages(files));
  return exitCodeFor(files, book === undefined);
}

/** `zine preflight`: what a print shop would send back, as messages; exit 1 when any is an error. */
async function preflightCommand(target: string, outDir: string, browserPath: string | undefined): Promise<number> {
  const [{ runPreflight }, { formatMessages }] = await Promise.all([import('./preflight/index.ts'), import('./build/format-messages.ts')]);
  const files = await runPreflight({ target, outDir, browserPath: browserPath && path.resolve(browserPath), log: (line) => console.error(`zine: ${line}`) });
  process.stderr.write(formatMessages(files));
  if (hasErrors(files)) return 1;
  console.error('zine: preflight  ready to print');
  return 0;
}

async function imposeCommand(pdf: string | undefined, values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values']): Promise<number> {
  if (!pdf) throw new UsageError('impose needs the PDF to impose');
  const { LAYOUT_NAMES, NUP_GRIDS } = await import('./impose/index.ts');
  const layout = values.layout as LayoutName;
  if (!LAYOUT_NAMES.includes(layout)) throw new UsageError(`--layout must be one of ${LAYOUT_NAMES.join(', ')}`);
  const { sheet } = values;
  if (sheet !== undefined && !['auto', 'a4', 'letter', 'a3', 'a5'].includes(sheet)) throw new UsageError('--sheet must be auto, a4, letter, a3 or a5');
  const binding = values.binding ?? 'left';
  if (binding !== 'left' && binding !== 'right') throw new UsageError('--binding must be left or right');
  const perSide = values['per-side'] === undefined ? undefined : Number(values['per-side']);
  if (perSide !== undefined && !(perSide in NUP_GRIDS)) throw new UsageError(`--per-side must be one of ${Object.keys(NUP_GRIDS).join(', ')}`);
  const { runImpose } = await import('./commands/impose.ts');
  const written = await runImpose({
    pdf: path.resolve(pdf),
    layout,
    sheet: sheet as SheetChoice | undefined,
    binding,
    out: values.out && path.resolve(values.out),
    signatureSheets: values['signature-sheets'],
    creep: values.creep,
    perSide,
    guides: values.guides ?? false,
    preview: values.preview ?? false,
  });
  for (const file of written) console.error(`zine: impose  ${path.relative(process.cwd(), file)}`);
  return 0;
}

/** `zine watch`: rebuild on save and serve a live preview; builds the HTML and the PDF unless `--only` says otherwise. */
async function watchCommand(manuscriptDir: string, outDir: string, values: { only?: string; browser?: string; port?: string }): Promise<number> {
  const { runWatch, WATCH_OUTPUTS } = await import('./watch/run-watch.ts');
  const outputs = values.only === undefined ? WATCH_OUTPUTS : parseOutputList(values.only);
  if (!outputs) throw new UsageError(`--only takes a comma-separated list of: ${OUTPUT_NAMES.join(', ')}`);
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a port number (0 picks a free one)');
  return runWatch({ manuscriptDir, outDir, browserPath: values.browser && path.resolve(values.browser), port, outputs });
}

/** `zine doctor`: versions, platform, browser and fonts, for a bug report. */
async function doctorCommand(extra: string | undefined, browserPath: string | undefined): Promise<number> {
  if (extra !== undefined) throw new UsageError(`Unexpected argument: ${extra}`);
  const { doctorLines, formatDoctorLines } = await import('./commands/doctor.ts');
  return say(formatDoctorLines(await doctorLines(browserPath && path.resolve(browserPath))), 0);
}

type CommandArgs = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Commands that make or change a manuscript, each its own module (loaded only when used). */
const SCAFFOLD_COMMANDS: Record<string, (args: string[], values: CommandArgs) => Promise<number>> = {
  init: async ([dir, ...rest], values) => {
    if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest[0]}`);
    const { runInit } = await import('./commands/init.ts');
    return runInit(path.resolve(dir ?? 'manuscript'), { title: values.title, lang: values.lang });
  },
  add: async ([what, title, dir, ...rest]) => {
    if (what !== 'chapter' || title === undefined || rest.length > 0) throw new UsageError('zine add chapter "The Title" [manuscript-dir]');
    const { runAddChapter } = await import('./commands/add-chapter.ts');
    return runAddChapter(path.resolve(dir ?? 'manuscript'), title);
  },
  import: async ([docx, dir, ...rest], values) => {
    if (docx === undefined || rest.length > 0) throw new UsageError('zine import <file.docx> [dir]');
    const { runImport } = await import('./commands/import.ts');
    return runImport(path.resolve(docx), path.resolve(dir ?? path.basename(docx).replace(/\.docx$/i, '')), { lang: values.lang });
  },
  theme: async ([what, dir, ...rest]) => {
    if (what !== 'eject' || rest.length > 0) throw new UsageError('zine theme eject [manuscript-dir]');
    const { runThemeEject } = await import('./commands/theme.ts');
    return runThemeEject(path.resolve(dir ?? 'manuscript'));
  },
};

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
    const usage = error instanceof UsageError || Boolean((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'));
    console.error(`zine: ${(error as Error).message}${usage ? `\n\n${USAGE}` : ''}`);
    // Known by their names: recognising them must not load pdf-lib or the tools.
    const name = (error as Error).name;
    process.exitCode = name === 'MissingToolError' ? 1 : usage || name === 'ImposeError' || (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 2 : 70;
  },
);
