// Watch folders with chokidar and hand over each burst of saves as one set of changed paths, after a short quiet spell.
import { watch } from 'chokidar';

export interface FileWatchOptions {
  /** Absolute folders (or files) to watch. */
  paths: string[];
  /** True for a path whose changes do not matter. */
  ignored: (file: string) => boolean;
  /** Quiet time after the last event before a burst is handed over. */
  debounceMs: number;
  /** Longest a steady stream of events (a git checkout) can delay the hand-over. */
  maxWaitMs: number;
  onChanges: (paths: Set<string>) => void;
  onError: (error: Error) => void;
}

export interface FileWatch {
  /** Resolves once the initial scan is done: changes from then on are reported. */
  ready: Promise<void>;
  close: () => Promise<void>;
}

/** Start watching; every add, change or removal of a file or folder counts as a change. */
export function watchFiles(options: FileWatchOptions): FileWatch {
  const watcher = watch(options.paths, { ignoreInitial: true, ignored: options.ignored, atomic: true });
  let batch = new Set<string>();
  let quiet: NodeJS.Timeout | undefined;
  let firstAt = 0;
  const flush = () => {
    clearTimeout(quiet);
    quiet = undefined;
    const changed = batch;
    batch = new Set();
    if (changed.size > 0) options.onChanges(changed);
  };
  watcher.on('all', (_event, file) => {
    if (batch.size === 0) firstAt = performance.now();
    batch.add(file);
    clearTimeout(quiet);
    const waited = performance.now() - firstAt;
    quiet = setTimeout(flush, Math.max(0, Math.min(options.debounceMs, options.maxWaitMs - waited)));
  });
  watcher.on('error', (error) => options.onError(error as Error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(quiet);
      await watcher.close();
    },
  };
}
