// Preloaded into a zine child (`node --import`): appends the URL of every ES module it loads to $ZINE_MODULE_LOG.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(process.env.ZINE_MODULE_LOG ?? '/dev/null')}, resolved.url + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
