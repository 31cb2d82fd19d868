// The CLI compiled to JavaScript in a git-ignored cache, compiled again (esbuild) only when a file under scripts/ changed.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPTS = path.join(ROOT, 'scripts');
/** Besides scripts/: what changes the output of a compile (the compiler's version comes with the lock file). */
const INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json'];
/** Compiled versions older than this are deleted after a compile (a running `zine watch` may still load chunks of its own). */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Where the compiled code goes: `ZINE_COMPILED_DIR`, else node_modules/.cache/zine/compiled (zine's cache, beside
 * the font configuration). It imports its packages by name, so the folder must lie inside the project (Node finds
 * them in its node_modules from there).
 * @param {NodeJS.ProcessEnv} env
 */
export function compiledDir(env = process.env) {
  return env.ZINE_COMPILED_DIR ? path.resolve(env.ZINE_COMPILED_DIR) : path.join(ROOT, 'node_modules', '.cache', 'zine', 'compiled');
}

/** The compiled entry points: the CLI, and the builder the benchmark drives directly. */
const ENTRIES = { cli: 'cli.ts', builder: 'build/index.ts' };

/**
 * The compiled file of entry `name` (`cli` or `builder`), compiling first when the sources changed since the last compile.
 * @param {keyof typeof ENTRIES} name
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<string>}
 */
export async function compiledEntry(name, env = process.env) {
  const cache = compiledDir(env);
  const key = sourcesKey();
  const target = path.join(cache, key);
  if (!existsSync(path.join(target, 'cli.mjs'))) {
    await compileInto(cache, target);
    pruneOld(cache, key);
  }
  return path.join(target, `${name}.mjs`);
}

/** A hash of the path, size and modification time of every source: one `stat` per file, a few milliseconds. */
function sourcesKey() {
  const hash = createHash('sha256').update(ROOT);
  const files = [...listFiles(SCRIPTS), ...INPUTS.map((name) => path.join(ROOT, name)).filter(existsSync)];
  for (const file of files) {
    const stat = statSync(file);
    hash.update(`\0${path.relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** @param {string} dir @returns {string[]} */
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/**
 * Bundle the entries with their local modules (packages stay imports), split at dynamic imports so each command
 * loads only its own code. Written to a temporary folder and renamed: of two compiles at once, one wins, both work.
 * @param {string} cache @param {string} target
 */
async function compileInto(cache, target) {
  const { build } = await import('esbuild');
  mkdirSync(cache, { recursive: true });
  const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await build({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(SCRIPTS, file)])),
      outdir: temp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      logLevel: 'error',
      plugins: [keepSourceUrls],
    });
    renameSync(temp, target);
  } catch (error) {
    if (!existsSync(path.join(target, 'cli.mjs'))) throw error;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * Each module keeps its own `import.meta.url`, `dirname` and `filename` (the source file's), so paths it builds from it (templates/,
 * package.json, createRequire) stay what they are when run from source.
 * @type {import('esbuild').Plugin}
 */
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(build) {
    build.onLoad({ filter: /\.[jt]s$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path)),
      loader: args.path.endsWith('.ts') ? 'ts' : 'js',
    }));
  },
};

/** @param {string} cache @param {string} current */
function pruneOld(cache, current) {
  for (const name of readdirSync(cache)) {
    const dir = path.join(cache, name);
    // Only compiled versions (named by their key): the cache holds other things too (the font configuration).
    if (/^[0-9a-f]{16}$/.test(name) && name !== current && Date.now() - statSync(dir).mtimeMs > KEEP_MS) rmSync(dir, { recursive: true, force: true });
  }
}
