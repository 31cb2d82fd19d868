// Code of ours for page.evaluate as a string: the page has none of the helpers compiled TypeScript may call.

/** The `__name` helper, doing nothing, for code composed into a page evaluation by hand. */
export const NAME_HELPER = 'const __name = (target) => target;';

/**
 * A call of `fn` with `args` (JSON) for `page.evaluate`. tsx and the bundled CLI keep function names by wrapping each
 * inner function in `__name(...)`, which the page does not define: here it is defined as doing nothing.
 */
export function inPageCall(fn: Function, ...args: unknown[]): string {
  return `(() => { ${NAME_HELPER} return (${fn.toString()})(${args.map((arg) => JSON.stringify(arg)).join(', ')}); })()`;
}
