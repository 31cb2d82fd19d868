// Load manuscript/zine.yaml: parse the YAML, validate it with the schema, place every problem on its key.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { withThemeDefaults } from '../theme/themes.ts';
import { configSchema, type ZineConfig } from './schema.ts';
import { decodeUtf8 } from '../manuscript/decode.ts';
import { reportError } from '../manuscript/report.ts';

export const CONFIG_NAME = 'zine.yaml';

export interface LoadedConfig {
  /** The zine.yaml file; its messages say what is wrong with it. */
  file: VFile;
  /** The validated config, or undefined when the file has errors. */
  config?: ZineConfig;
  /** Where a key path sits in the file, for messages about values (a chapter that does not exist). */
  placeOf: (keyPath: readonly PropertyKey[], at?: 'key' | 'value') => { line: number; column: number } | undefined;
}

/** Read and validate `zine.yaml` in `manuscriptDir` (absolute). Problems become messages on the returned file. */
export async function loadConfig(manuscriptDir: string): Promise<LoadedConfig> {
  const filePath = path.join(manuscriptDir, CONFIG_NAME);
  const file = new VFile({ path: filePath, cwd: process.cwd() });
  let bytes: Buffer;
  try {
    // A named pipe or a device would block or never end when read.
    if (!(await stat(filePath)).isFile()) throw new Error('not a regular file');
    bytes = await readFile(filePath);
  } catch {
    reportError(file, `Cannot read ${CONFIG_NAME}: every manuscript needs one (title, identifier, date, chapters)`, undefined, 'missing-config');
    return { file, placeOf: () => undefined };
  }
  const text = decodeUtf8(bytes, file);
  if (text === undefined) return { file, placeOf: () => undefined };
  file.value = text;
  return parseConfig(file, text);
}

/** Validate config text already in `file`. */
export function parseConfig(file: VFile, text: string): LoadedConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeOf = (keyPath: readonly PropertyKey[], at: 'key' | 'value' = 'value') => locate(document, lineCounter, keyPath, at);
  for (const error of document.errors) {
    const [line, column] = [lineCounter.linePos(error.pos[0]).line, lineCounter.linePos(error.pos[0]).col];
    reportError(file, `Invalid YAML: ${error.message.split('\n')[0]}`, { line, column }, 'yaml-syntax');
  }
  if (document.errors.length > 0) return { file, placeOf };

  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    // yaml refuses to expand a "billion laughs" of nested aliases.
    reportError(file, `Invalid YAML: ${(error as Error).message}`, { line: 1, column: 1 }, 'yaml-syntax');
    return { file, placeOf };
  }
  const result = configSchema.safeParse(withThemeDefaults(data ?? {}));
  if (result.success) return { file, config: result.data, placeOf };
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const keyPath of keys) {
      const name = keyPath.length > 0 ? keyPath.join('.') : '(top level)';
      const reason = issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message;
      const at = issue.code === 'unrecognized_keys' ? 'key' : 'value';
      reportError(file, `\`${name}\` in ${CONFIG_NAME}: ${reason}`, placeOf(keyPath, at) ?? placeOf(keyPath.slice(0, -1), at), 'config-invalid');
    }
  }
  return { file, placeOf };
}

function locate(document: Document, lineCounter: LineCounter, keyPath: readonly PropertyKey[], at: 'key' | 'value') {
  if (keyPath.length === 0) return { line: 1, column: 1 };
  const value = document.getIn(keyPath as unknown[], true);
  if (at === 'value' && isNode(value)) return position(lineCounter, value.range?.[0]);
  const parent = document.getIn(keyPath.slice(0, -1) as unknown[], true);
  const last = keyPath[keyPath.length - 1];
  const pair = isNode(parent) && 'items' in parent ? (parent.items as unknown[]).find((item) => isPairWithKey(item, last)) : undefined;
  const key = (pair as { key?: { range?: [number] } } | undefined)?.key;
  return position(lineCounter, key?.range?.[0] ?? (isNode(value) ? value.range?.[0] : undefined));
}

function position(lineCounter: LineCounter, offset: number | undefined) {
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function isPairWithKey(item: unknown, key: PropertyKey | undefined): boolean {
  const pairKey = (item as { key?: { value?: unknown } } | undefined)?.key;
  return pairKey !== undefined && pairKey !== null && typeof pairKey === 'object' && pairKey.value === key;
}
