// Manuscript messages in the unified convention, one per line: `file:line:column  severity  message  rule-id`.
import path from 'node:path';
import type { VFile } from 'vfile';
import { compareMessage } from 'vfile-sort';
import { statistics } from 'vfile-statistics';

/** Format every message of `files` (paths relative to `cwd`), then a summary line; empty when there is none. */
export function formatMessages(files: readonly VFile[], cwd = process.cwd()): string {
  const rows = files.flatMap((file) =>
    [...file.messages].sort(compareMessage).map((message) => {
      const name = file.path ? path.relative(cwd, file.path) || file.path : '<input>';
      const place = `${name}:${message.line ?? 1}:${message.column ?? 1}`;
      return [place, message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info', message.reason, message.ruleId ?? ''];
    }),
  );
  if (rows.length === 0) return '';
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd());
  const { fatal, warn } = statistics([...files]);
  const summary = [fatal && `${fatal} error${fatal === 1 ? '' : 's'}`, warn && `${warn} warning${warn === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  return `${lines.join('\n')}\n\n${summary}\n`;
}
