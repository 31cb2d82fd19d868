// A rebuild's messages: merged across its phases (each phase reloads the manuscript), and as lines for the overlay.
import { VFile } from 'vfile';
import { formatMessages } from '../build/format-messages.ts';
import { reportError } from '../manuscript/report.ts';

/** One VFile per path with the messages of every phase, each message once. */
export function mergeFiles(phases: readonly (readonly VFile[])[]): VFile[] {
  const byPath = new Map<string, { file: VFile; seen: Set<string> }>();
  for (const files of phases) {
    for (const file of files) {
      const key = file.path ?? '';
      let merged = byPath.get(key);
      if (!merged) {
        merged = { file: new VFile({ path: file.path, value: file.value, cwd: file.cwd }), seen: new Set() };
        byPath.set(key, merged);
      }
      for (const message of file.messages) {
        const id = [message.line, message.column, message.fatal, message.reason, message.ruleId].join('\0');
        if (merged.seen.has(id)) continue;
        merged.seen.add(id);
        merged.file.messages.push(message);
      }
    }
  }
  return [...byPath.values()].map(({ file }) => file);
}

/** A VFile for zine.yaml carrying an exception thrown by a build stage, so it is reported like any other error. */
export function crashFile(configPath: string, error: unknown): VFile {
  const file = new VFile({ path: configPath, cwd: process.cwd() });
  reportError(file, `The build crashed: ${(error as Error)?.message ?? String(error)}`, undefined, 'build-crashed');
  return file;
}

/** The `file:line:column  severity  message  rule` lines of `files` (no summary), as the terminal shows them. */
export function messageLines(files: readonly VFile[]): string[] {
  const text = formatMessages(files);
  if (text === '') return [];
  return text.trimEnd().split('\n\n')[0]!.split('\n');
}
