// One rebuild at a time: requests that arrive while one runs are merged into a single next run, never run alongside.
import { OUTPUT_NAMES, type OutputName } from '../build/outputs.ts';

/** Build `outputs`; may stop early when `superseded()` turns true and return the outputs it left undone. */
export type RunRebuild = (outputs: OutputName[], superseded: () => boolean) => Promise<OutputName[]>;

export interface RebuildQueue {
  /** Ask for `outputs` to be rebuilt: now if idle, else after the running rebuild (merged with other waiting requests). */
  request: (outputs: readonly OutputName[]) => void;
  /** Resolves when nothing runs and nothing waits. */
  idle: () => Promise<void>;
  /** Drop waiting requests and accept no more; the running rebuild finishes. */
  stop: () => void;
}

/** A queue that runs `run` serially; `run` reports its own errors, anything it throws anyway goes to `onError`. */
export function createRebuildQueue(run: RunRebuild, onError: (error: unknown) => void = () => undefined): RebuildQueue {
  let waiting: Set<OutputName> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const merge = (outputs: Iterable<OutputName>) => {
    waiting ??= new Set();
    for (const output of outputs) waiting.add(output);
  };
  const drain = async () => {
    while (waiting && !stopped) {
      const next = OUTPUT_NAMES.filter((output) => waiting!.has(output));
      waiting = undefined;
      const left = await run(next, () => waiting !== undefined || stopped).catch((error: unknown) => {
        onError(error);
        return [];
      });
      if (left.length > 0 && !stopped) merge(left);
    }
    running = undefined;
  };

  return {
    request(outputs) {
      if (stopped || outputs.length === 0) return;
      merge(outputs);
      running ??= drain();
    },
    idle: () => running ?? Promise.resolve(),
    stop() {
      stopped = true;
      waiting = undefined;
    },
  };
}
