// Paths the watcher ignores: the output folder, version control, and the temp and backup files editors write while saving.
import path from 'node:path';
import { isInside } from '../paths/is-inside.ts';

/** Editor and system droppings: vim swap and probe files, emacs locks and backups, atomic-write temps, OS metadata. */
const TEMP_FILE = /(^\.|~$|\.sw[a-p]x?$|\.tmp$|\.temp$|\.bak$|\.crdownload$|^#.*#$|^4913$|^Thumbs\.db$)/i;
const IGNORED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** A predicate for chokidar's `ignored`: true for `file` (absolute) under one of `roots` that should not trigger a build. */
export function ignoredPaths(roots: readonly string[], outDir: string): (file: string) => boolean {
  return (file) => {
    if (isInside(file, outDir)) return true;
    const root = roots.find((candidate) => isInside(file, candidate));
    if (!root) return false;
    const segments = path.relative(root, file).split(path.sep);
    if (segments[0] === 'build') return true;
    return segments.some((segment) => IGNORED_FOLDERS.has(segment) || TEMP_FILE.test(segment));
  };
}
