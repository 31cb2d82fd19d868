#!/usr/bin/env node
// The installed `zine` command: runs the CLI compiled to JavaScript (compiled-cli.js), not TypeScript compiled at every start.
import { pathToFileURL } from 'node:url';
import { compiledEntry } from './compiled-cli.js';

await import(pathToFileURL(await compiledEntry('cli')).href);
