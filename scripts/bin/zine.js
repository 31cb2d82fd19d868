#!/usr/bin/env node
// The installed `zine` command: runs the CLI compiled to JavaScript (compiled-cli.js), not TypeScript compiled at every start.
import { pathToFileURL } from 'node:url';
import { compiledEntry } from './compiled-cli.js';

const READ_ONLY = ['EACCES', 'EPERM', 'EROFS'];

const entry = await compiledEntry('cli').catch((error) => {
  if (!READ_ONLY.includes(error.code)) throw error;
});
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  // An install nobody may write to: compile the TypeScript at start-up instead (tsx), slower but the same CLI.
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli.ts');
}
