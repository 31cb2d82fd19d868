// Types of compiled-cli.js, for the TypeScript that asks where the compiled code lives (`zine doctor`).
export function cacheDir(env?: NodeJS.ProcessEnv): string;
export function compiledCli(env?: NodeJS.ProcessEnv): Promise<string>;
