// One watch rebuild in phases: the HTML and the PDF (and its booklet) side by side, then the EPUB, each announced once written.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Builder } from '../build/builder.ts';
import type { OutputName } from '../build/outputs.ts';
import { crashFile, mergeFiles } from './build-messages.ts';

/**
 * Phases in waves: the HTML's beside the PDF's (Node renders the HTML while Chromium lays out the pages), then the
 * EPUB's. The booklet and the mini zine share the PDF's phase: they impose the PDF that phase renders.
 */
export const WAVES: readonly (readonly (readonly OutputName[])[])[] = [[['html'], ['pdf', 'booklet', 'minizine']], [['epub']]];

export interface PhaseDone {
  /** Outputs of the phase that were written. */
  outputs: OutputName[];
  /** Paths written. */
  written: string[];
}

export interface RebuildOutcome {
  /** True when the manuscript had no errors and every requested output was written. */
  ok: boolean;
  /** Every file's messages, merged over the phases that ran. */
  files: VFile[];
  /** Outputs written. */
  built: OutputName[];
  /** Outputs not attempted because a newer change was waiting. */
  left: OutputName[];
  /** True when an output failed to render (the browser may be unusable). */
  outputFailed: boolean;
}

export interface RebuildHooks {
  onPhase: (done: PhaseDone) => void;
  /** Checked between phases: true stops the rebuild, leaving the rest for the next one. */
  superseded: () => boolean;
}

/** Rebuild `outputs` with `builder`; never throws (an exception becomes an error message on zine.yaml). */
export async function rebuildInPhases(builder: Builder, manuscriptDir: string, outputs: readonly OutputName[], hooks: RebuildHooks): Promise<RebuildOutcome> {
  const waves = WAVES.map((wave) => wave.map((phase) => phase.filter((output) => outputs.includes(output))).filter((phase) => phase.length > 0)).filter((wave) => wave.length > 0);
  const outcome: RebuildOutcome = { ok: true, files: [], built: [], left: [], outputFailed: false };
  const phaseFiles: VFile[][] = [];
  // Its files, and false once the manuscript has errors (later phases would report the same) or a build crashed.
  const runPhase = async (phase: readonly OutputName[]): Promise<{ files: VFile[]; goOn: boolean }> => {
    try {
      const result = await builder.build(phase);
      const done = phase.filter((output) => output in result.timings);
      const failed = result.files.some((file) => file.messages.some((message) => message.ruleId === 'output-failed'));
      outcome.ok &&= result.ok;
      outcome.outputFailed ||= failed;
      outcome.built.push(...done);
      if (done.length > 0) hooks.onPhase({ outputs: done, written: result.written });
      return { files: result.files, goOn: result.ok || failed };
    } catch (error) {
      outcome.ok = false;
      outcome.outputFailed = true;
      return { files: [crashFile(path.join(manuscriptDir, 'zine.yaml'), error)], goOn: false };
    }
  };
  for (const [index, wave] of waves.entries()) {
    if (index > 0 && hooks.superseded()) {
      outcome.left = waves.slice(index).flat(2);
      break;
    }
    const results = await Promise.all(wave.map(runPhase));
    // In phase order, whichever finished first: the messages read the same each time.
    phaseFiles.push(...results.map((result) => result.files));
    if (results.some((result) => !result.goOn)) break;
  }
  outcome.files = mergeFiles(phaseFiles);
  return outcome;
}
