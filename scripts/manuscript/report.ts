// Manuscript problems as vfile messages: errors fail the build, warnings do not.
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

export type Place = Point | Position | undefined;

/** Attach an error (fatal message, without throwing) to `file` at `place`. */
export function reportError(file: VFile, reason: string, place: Place, ruleId: string) {
  const message = file.message(reason, { place, ruleId, source: 'zine' });
  message.fatal = true;
  return message;
}

/** Attach a warning to `file` at `place`. */
export function reportWarning(file: VFile, reason: string, place: Place, ruleId: string) {
  return file.message(reason, { place, ruleId, source: 'zine' });
}

/** True when any file carries an error. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}
