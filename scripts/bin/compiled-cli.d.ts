// Types of compiled-cli.js, for the TypeScript that asks for the compiled code (`zine doctor`, the benchmark).
export function compiledDir(env?: NodeJS.ProcessEnv): string;
export function compiledEntry(name: 'cli' | 'builder', env?: NodeJS.ProcessEnv): Promise<string>;
export function runCompiled(name: 'cli' | 'builder', use: string, env?: NodeJS.ProcessEnv): Promise<Record<string, unknown>>;
export function sourcesKey(): string;
