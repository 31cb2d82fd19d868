// The CLI compiled to JavaScript in a git-ignored cache, compiled again (esbuild) only when a file under scripts/ changed,
// and run with V8's code cache, so a start-up neither resolves hundreds of package files nor compiles their code again.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPTS = path.join(ROOT, 'scripts');
/** Besides scripts/: what changes the output of a compile (the compiler's version comes with the lock file). */
const INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json'];
/** Compiled versions older than this are deleted after a compile (a running `zine watch` may still read its own). */
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
  if (!existsSync(path.join(target, 'cli.cjs'))) {
    await compileInto(cache, target);
    pruneOld(cache, key);
  }
  return path.join(target, `${name}.cjs`);
}

/**
 * Run the compiled entry `name` and return its exports. V8's code cache for it is kept beside it, one per `use` (a command
 * compiles different functions than another): made at the end of the first run, so it holds every function that run
 * compiled, and read by the next. A cache V8 rejects (another Node.js) is made again.
 * @param {keyof typeof ENTRIES} name @param {string} use @param {NodeJS.ProcessEnv} env
 * @returns {Promise<Record<string, unknown>>}
 */
export async function runCompiled(name, use, env = process.env) {
  const file = await compiledEntry(name, env);
  const cacheFile = `${file}.${use.replace(/[^a-z-]/g, '') || 'none'}.v8cache`;
  const cachedData = readIfPresent(cacheFile);
  // The CommonJS wrapper Node itself puts around a module. The file is ASCII (asciiOnly): read as Latin-1, a copy, not a decode.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n})`, { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCodeCache(cacheFile, script));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** @param {string} file */
function readIfPresent(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so two processes at once never leave half a cache; a failure only costs speed. @param {string} file @param {vm.Script} script */
function writeCodeCache(file, script) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

/** A hash of the path, size and modification time of every source: one `stat` per file, a few milliseconds. */
export function sourcesKey() {
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
 * Bundle each entry with its local modules and packages (native ones stay imports) into one CommonJS file: V8 caches
 * the code of a script, not of an ES module, on Node.js 20. Code a command doesn't use is in the file but not run
 * (esbuild starts a module at its first import). Written to a temporary folder and renamed: of two compiles at once,
 * one wins, both work.
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
      // Module names in the output are relative to the project, wherever the compile was started from.
      absWorkingDir: ROOT,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.cjs' },
      // `import()` in a vm script needs an experimental loader: packages left outside are `require`d instead (their
      // CommonJS build, or require(esm) of Node.js ≥ 20.19).
      supported: { 'dynamic-import': false },
      logLevel: 'error',
      // The key this compile is filed under: what zine's disk caches name their values' maker by (cache/code-version.ts).
      define: { __ZINE_SOURCES_KEY__: JSON.stringify(path.basename(target)) },
      plugins: [externalUnlessNative, keepSourceUrls],
    });
    for (const name of readdirSync(temp)) asciiOnly(path.join(temp, name));
    renameSync(temp, target);
  } catch (error) {
    if (!existsSync(path.join(target, 'cli.cjs'))) throw error;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * Packages are bundled in, ES modules and CommonJS alike: resolving, reading and compiling each of their hundreds of
 * small files at start-up costs more than the code (the EPUB's epub-gen-memory alone loads ~150). Native packages and
 * those in NEVER_BUNDLED stay imports (their binaries and the files they read need their own folder).
 * @type {import('esbuild').Plugin}
 */
const externalUnlessNative = {
  name: 'external-unless-native',
  setup(build) {
    /** @type {Map<string, boolean>} */
    const bundled = new Map();
    // The project's node_modules as esbuild reports package paths: with links resolved (it may be a link itself).
    const topLevel = path.join(ROOT, 'node_modules');
    const topLevelPackages = existsSync(topLevel) ? realpathSync(topLevel) : topLevel;
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === RESOLVING || args.path.startsWith('node:')) return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
      if (found.errors.length > 0 || found.external || !found.path.includes(`${path.sep}node_modules${path.sep}`)) return { external: true };
      // A native addon is loaded from its own file: by name, so the package stays where Node finds it.
      if (found.path.endsWith('.node')) return { external: true };
      const folder = found.path.slice(0, found.path.lastIndexOf(`${path.sep}node_modules${path.sep}`));
      if (!bundled.has(folder + args.path)) bundled.set(folder + args.path, isBundled(found.path));
      if (bundled.get(folder + args.path)) return { path: found.path };
      // Outside the bundle: by name when it is the top-level copy, else (another version, nested) by the path `require` finds.
      if (path.join(folder, 'node_modules') === topLevelPackages) return { external: true };
      const required = await build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
      return { path: required.path, external: true };
    });
  },
};

const RESOLVING = Symbol('resolving');

/**
 * The package holding `file` (top-level or nested under another package): its name and manifest.
 * @param {string} file
 * @returns {{ name: string, manifest: Record<string, unknown> | undefined }}
 */
function packageOf(file) {
  const marker = `${path.sep}node_modules${path.sep}`;
  const cut = file.lastIndexOf(marker) + marker.length;
  const parts = file.slice(cut).split(path.sep);
  const name = parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const manifestFile = path.join(file.slice(0, cut), name, 'package.json');
  // Read once per package, not once per file of it (keepSourceUrls asks for each of the hundreds it loads).
  if (!manifests.has(manifestFile)) manifests.set(manifestFile, readManifest(manifestFile));
  return { name, manifest: manifests.get(manifestFile) };
}

/** @type {Map<string, Record<string, unknown> | undefined>} */
const manifests = new Map();

/** @param {string} file */
function readManifest(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** @param {string} file */
function isBundled(file) {
  const { name, manifest } = packageOf(file);
  return manifest !== undefined && !NEVER_BUNDLED.has(name) && !manifest.gypfile && !manifest.binary;
}

/** Packages that read files beside their own code, run binaries, or load lazily on purpose. */
const NEVER_BUNDLED = new Set(['puppeteer', 'puppeteer-core', '@sparticuz/chromium', 'esbuild', 'tsx', 'pdfjs-dist', 'pdf-lib']);

/**
 * Each module keeps its own `import.meta.url`, `dirname` and `filename`, and each CommonJS module its own `__dirname`
 * and `__filename` (the source file's), so paths built from them (templates/, package.json, createRequire) stay what
 * they are when run from source.
 * @type {import('esbuild').Plugin}
 */
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(build) {
    build.onLoad({ filter: /\.(?:[cm]?js|ts)$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      // esbuild wraps a CommonJS module in a function of its own, so these `var`s are that module's alone.
      const commonJs = args.path.endsWith('.cjs') || (args.path.endsWith('.js') && args.path.includes(`${path.sep}node_modules${path.sep}`) && packageOf(args.path).manifest?.type !== 'module');
      const paths = commonJs ? `var __dirname = ${JSON.stringify(path.dirname(args.path))}, __filename = ${JSON.stringify(args.path)};` : '';
      return { contents: paths + source, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

/**
 * esbuild leaves non-ASCII characters in comments and regular expressions: escape each UTF-16 unit as `\\uXXXX`, so
 * the file reads as Latin-1. The escape means the same unit in a string, a template and a regular expression with or
 * without the `u` flag (a surrogate pair escaped is one code point there); in a comment it is only text.
 * @param {string} file
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  if (/[^\0-\x7f]/.test(text)) writeFileSync(file, text.replace(/[^\0-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** @param {string} cache @param {string} current */
function pruneOld(cache, current) {
  for (const name of readdirSync(cache)) {
    const dir = path.join(cache, name);
    // Only compiled versions (named by their key): the cache holds other things too (the font configuration).
    if (/^[0-9a-f]{16}$/.test(name) && name !== current && Date.now() - statSync(dir).mtimeMs > KEEP_MS) rmSync(dir, { recursive: true, force: true });
  }
}
