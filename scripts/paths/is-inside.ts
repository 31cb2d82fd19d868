// The one containment test for paths: manuscript files, served folders, watched folders and outputs all use it.
import path from 'node:path';

/** True when `file` lies strictly inside `folder` (not the folder itself); both absolute, compared as written. */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
