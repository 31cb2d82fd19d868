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
 * Bundle the entries with their local modules and the pure-ESM packages (the rest stay imports), split at dynamic imports so each command
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
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      logLevel: 'error',
      plugins: [externalUnlessPureEsm, keepSourceUrls],
    });
    renameSync(temp, target);
  } catch (error) {
    if (!existsSync(path.join(target, 'cli.mjs'))) throw error;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * Packages stay imports, except pure ES modules (the unified ecosystem: hundreds of small files), which are bundled
 * in: resolving and reading each file at start-up costs more than the code. CommonJS and native packages stay
 * outside (their `__dirname`, `require` and binaries need their own folder).
 * @type {import('esbuild').Plugin}
 */
const externalUnlessPureEsm = {
  name: 'external-unless-pure-esm',
  setup(build) {
    /** @type {Map<string, boolean>} */
    const bundled = new Map();
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === RESOLVING || args.path.startsWith('node:')) return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
      if (found.errors.length > 0 || found.external || !found.path.includes(`${path.sep}node_modules${path.sep}`)) return { external: true };
      const folder = found.path.slice(0, found.path.lastIndexOf(`${path.sep}node_modules${path.sep}`));
      if (!bundled.has(folder + args.path)) bundled.set(folder + args.path, isPureEsm(found.path));
      if (bundled.get(folder + args.path)) return { path: found.path };
      // Outside the bundle: by name when it is the top-level copy, else (another version, nested) by its own path.
      return folder === ROOT.replace(/[\\/]$/, '') ? { external: true } : { path: found.path, external: true };
    });
  },
};

const RESOLVING = Symbol('resolving');

/**
 * Whether the package holding `file` (top-level or nested under another package) declares `"type": "module"` and has
 * no native or CommonJS parts we know of.
 * @param {string} file
 */
function isPureEsm(file) {
  const marker = `${path.sep}node_modules${path.sep}`;
  const cut = file.lastIndexOf(marker) + marker.length;
  const parts = file.slice(cut).split(path.sep);
  const name = parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (NEVER_BUNDLED.has(name)) return false;
  try {
    const manifest = JSON.parse(readFileSync(path.join(file.slice(0, cut), name, 'package.json'), 'utf8'));
    return manifest.type === 'module' && !manifest.gypfile && !manifest.binary;
  } catch {
    return false;
  }
}

/** Packages that read files beside their own code, run binaries, or load lazily on purpose. */
const NEVER_BUNDLED = new Set(['puppeteer', 'puppeteer-core', '@sparticuz/chromium', 'sharp', 'esbuild', 'tsx', 'pdfjs-dist', 'pdf-lib']);

/**
 * Each module keeps its own `import.meta.url`, `dirname` and `filename` (the source file's), so paths it builds from it (templates/,
 * package.json, createRequire) stay what they are when run from source.
 * @type {import('esbuild').Plugin}
 */
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(build) {
    build.onLoad({ filter: /\.(?:m?js|ts)$/ }, (args) => ({
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
