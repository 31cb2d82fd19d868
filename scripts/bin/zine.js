#!/usr/bin/env node
// The installed `zine` command: runs the CLI compiled to JavaScript (compiled-cli.js), not TypeScript compiled at every start.
import { runCompiled } from './compiled-cli.js';

const READ_ONLY = ['EACCES', 'EPERM', 'EROFS'];
/** Commands compile different code, so each has a code cache of its own; anything else shares one. */
const COMMANDS = ['build', 'check', 'preflight', 'watch', 'impose', 'doctor', 'init', 'add', 'import', 'theme'];
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));

const ran = await runCompiled('cli', COMMANDS.includes(command) ? command : 'other').then(
  () => true,
  (error) => {
    if (!READ_ONLY.includes(error.code)) throw error;
    return false;
  },
);
if (!ran) {
  // An install nobody may write to: compile the TypeScript at start-up instead (tsx), slower but the same CLI.
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli.ts');
}
