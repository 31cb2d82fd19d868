// The watch stage: rebuild on every save (only what the change touches, fastest output first) and serve a live preview.
import path from 'node:path';
import { createBuilder, formatMessages, type Builder, type OutputName } from '../build/index.ts';
import { TEMPLATES_DIR } from '../template/index.ts';
import { messageLines } from './build-messages.ts';
import { outputFileNames, type BuildStatus, type WatchEvent } from './build-status.ts';
import { outputsForChanges } from './change-scope.ts';
import { ignoredPaths } from './ignore-paths.ts';
import { rebuildInPhases } from './rebuild-phases.ts';
import { createRebuildQueue } from './rebuild-queue.ts';
import { startPreviewServer } from './server.ts';
import { sheetPreviews } from './sheet-previews.ts';
import { watchFiles } from './watch-files.ts';

export type { BuildStatus, WatchEvent } from './build-status.ts';

/** What `zine watch` builds unless told otherwise: the two previews. The booklet and EPUB are for `zine build`. */
export const WATCH_OUTPUTS: readonly OutputName[] = ['html', 'pdf'];

export interface WatchOptions {
  /** Absolute manuscript folder. */
  manuscriptDir: string;
  /** Absolute output folder. */
  outDir: string;
  browserPath?: string;
  /** Preview port; 0 (default) picks a free one. */
  port?: number;
  /** Outputs to keep up to date (default `WATCH_OUTPUTS`). */
  outputs?: readonly OutputName[];
  /** Quiet time that ends a burst of saves (default 60 ms). */
  debounceMs?: number;
  /** Progress lines for the terminal. */
  log: (line: string) => void;
  /** A rebuild's messages, formatted (`file:line:column  severity  message  rule` lines and a summary). */
  report?: (text: string) => void;
  /** Every event the preview pages get, for callers that measure (the benchmark). */
  onEvent?: (event: WatchEvent) => void;
}

export interface WatchSession {
  /** The preview's address. */
  url: string;
  status: () => BuildStatus;
  /** Resolves when no rebuild runs or waits. */
  idle: () => Promise<void>;
  /** Stop watching, close the server and the browser. */
  close: () => Promise<void>;
}

/** Serve the preview, build everything once, then rebuild after each burst of changes until `close()`. */
export async function startWatch(options: WatchOptions): Promise<WatchSession> {
  const enabled = options.outputs ?? WATCH_OUTPUTS;
  let status: BuildStatus = { state: 'starting', build: 0, failed: false, lines: [], outputs: [...enabled], files: {}, versions: {} };
  const newBuilder = () => createBuilder({ manuscriptDir: options.manuscriptDir, outDir: options.outDir, browserPath: options.browserPath, log: options.log, incremental: true });
  let builder: Builder = newBuilder();
  const server = await startPreviewServer({ outDir: options.outDir, port: options.port ?? 0, status: () => status, sheets: sheetPreviews(options.manuscriptDir, options.outDir) });
  const emit = (event: WatchEvent) => {
    server.publish(event);
    options.onEvent?.(event);
  };
  const setStatus = (next: BuildStatus) => {
    status = next;
    emit({ type: 'status', status });
  };

  const queue = createRebuildQueue(async (outputs, superseded) => {
    const started = performance.now();
    const build = status.build + 1;
    setStatus({ ...status, state: 'building' });
    const outcome = await rebuildInPhases(builder, options.manuscriptDir, outputs, {
      superseded,
      onPhase: ({ outputs: done, written }) => {
        status = { ...status, files: { ...status.files, ...outputFileNames(written, options.outDir) }, versions: { ...status.versions, ...Object.fromEntries(done.map((output) => [output, build])) } };
        emit({ type: 'reload', outputs: done, status });
      },
    });
    const report = formatMessages(outcome.files);
    if (report) (options.report ?? ((text) => options.log(text.trimEnd())))(report);
    if (outcome.left.length > 0) options.log(`newer changes: ${outcome.left.join(', ')} left for the next rebuild`);
    else options.log(outcome.ok ? `rebuilt ${outputs.join(', ')} in ${Math.round(performance.now() - started)} ms; watching` : 'build failed: the outputs are the last good ones; watching');
    setStatus({ ...status, state: outcome.ok ? 'ok' : 'failed', failed: !outcome.ok, build, lines: messageLines(outcome.files) });
    if (outcome.outputFailed) {
      // The browser may have crashed or hung: start the next rebuild with a fresh one.
      await builder.close();
      builder = newBuilder();
    }
    return outcome.left;
  }, (error) => {
    options.log(`the rebuild crashed: ${(error as Error)?.stack ?? String(error)}; watching`);
    setStatus({ ...status, state: 'failed', failed: true, build: status.build + 1, lines: [`zine: the rebuild crashed: ${(error as Error)?.message ?? String(error)}`] });
  });

  const watch = watchFiles({
    paths: [options.manuscriptDir, TEMPLATES_DIR],
    ignored: ignoredPaths([options.manuscriptDir, TEMPLATES_DIR], options.outDir),
    debounceMs: options.debounceMs ?? 60,
    maxWaitMs: 500,
    onChanges: (changed) => {
      const outputs = outputsForChanges(changed, TEMPLATES_DIR, enabled);
      options.log(`changed ${[...changed].map((file) => path.relative(process.cwd(), file)).join(', ')}${outputs.length === 0 ? ' (not used by this watch)' : ''}`);
      queue.request(outputs);
    },
    onError: (error) => options.log(`watcher: ${error.message}`),
  });
  await watch.ready;
  queue.request(enabled);

  return {
    url: server.url,
    status: () => status,
    idle: () => queue.idle(),
    async close() {
      queue.stop();
      await Promise.all([watch.close(), server.close()]);
      await builder.close();
      await queue.idle();
      await builder.close();
    },
  };
}
