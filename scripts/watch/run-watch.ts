// `zine watch` from the command line: start the session, print the preview URL, stop cleanly on Ctrl-C or SIGTERM.
import type { OutputName } from '../build/outputs.ts';
import { startWatch } from './index.ts';

export { WATCH_OUTPUTS } from './index.ts';

export interface RunWatchOptions {
  manuscriptDir: string;
  outDir: string;
  browserPath?: string;
  port: number;
  outputs: readonly OutputName[];
}

/** Watch until SIGINT or SIGTERM; resolves to the exit code (0). A second signal while stopping exits at once. */
export async function runWatch(options: RunWatchOptions): Promise<number> {
  const stopRequested = new Promise<string>((resolve) => {
    let stopping = false;
    const onSignal = (signal: string) => {
      if (stopping) process.exit(130);
      stopping = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  });
  const session = await startWatch({ ...options, log: (line) => console.error(`zine: ${line}`), report: (text) => process.stderr.write(text) });
  console.log(`zine: preview at ${session.url} (print preview: ${session.url}print, sheets: ${session.url}sheets); watching ${options.outputs.join(', ')}; Ctrl-C to stop`);
  const signal = await stopRequested;
  console.error(`zine: ${signal}: stopping`);
  await session.close();
  // Anything still pending (an image encode, say) must not keep the process alive once the browser is gone.
  setTimeout(() => process.exit(0), 2000).unref();
  return 0;
}
