// What the scaffolding commands print: file names relative to where zine runs, and refusals (exit 2).
import path from 'node:path';

/** A path as the user typed it: relative to the working directory. */
export function shown(file: string): string {
  return path.relative(process.cwd(), file) || '.';
}

/** A command that cannot go ahead (usage error or a file in the way): say why on stderr; resolves to exit code 2. */
export function refuse(message: string): number {
  console.error(`zine: ${message}`);
  return 2;
}
