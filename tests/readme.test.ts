// The README documents every zine.yaml key exactly as the schema defines it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { configKeyRows } from '../scripts/config/docs.ts';
import { README, withKeyTable } from '../scripts/config/write-docs.ts';

test('the README key table is the one generated from the schema (run `npm run docs`)', () => {
  const readme = readFileSync(README, 'utf8');
  assert.equal(readme, withKeyTable(readme));
});

test('every key of the schema has a description', () => {
  const undocumented = configKeyRows().filter((row) => row.description.trim() === '').map((row) => row.key);
  assert.deepEqual(undocumented, []);
});
