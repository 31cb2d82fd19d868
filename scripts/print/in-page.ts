// Code of ours for page.evaluate as a string: the page has none of the helpers compiled TypeScript may call.

/**
 * A call of `fn` with `args` (JSON) for `page.evaluate`. tsx and the bundled CLI keep function names by wrapping each
 * inner function in `__name(...)`, which the page does not define: here it is defined as doing nothing.
 */
export function inPageCall(fn: Function, ...args: unknown[]): string {
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${args.map((arg) => JSON.stringify(arg)).join(', ')}); })()`;
}
