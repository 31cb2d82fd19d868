// Which zine made a cached value: a value one version computed is not reused by another.
import { sourcesKey } from '../bin/compiled-cli.js';

/** Set by the compiled CLI's bundler to the key it compiled (compiled-cli.js): no stat of every source at start-up. */
declare const __ZINE_SOURCES_KEY__: string | undefined;

let version: string | undefined;

/** The key of zine's sources and installed packages, and the Node.js version (whose serializer wrote the value). */
export function codeVersion(): string {
  return (version ??= `${typeof __ZINE_SOURCES_KEY__ === 'string' ? __ZINE_SOURCES_KEY__ : sourcesKey()}\0${process.version}`);
}
