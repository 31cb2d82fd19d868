// Which outputs a set of changed files touches: a template folder belongs to its outputs, anything in the manuscript to all.
import path from 'node:path';
import { OUTPUT_NAMES, type OutputName } from '../build/outputs.ts';
import { isInside } from '../paths/is-inside.ts';

/** Outputs each folder of templates/ feeds (the cover's CSS is shared by the print cover and the e-book cover). */
const TEMPLATE_OUTPUTS: Record<string, readonly OutputName[]> = {
  html: ['html'],
  print: ['pdf', 'booklet', 'minizine', 'press'],
  cover: ['pdf', 'booklet', 'minizine', 'press', 'epub'],
  epub: ['epub'],
};

/** The outputs among `enabled` that `changed` (absolute paths) touch, in build order; empty when none needs rebuilding. */
export function outputsForChanges(changed: Iterable<string>, templatesDir: string, enabled: readonly OutputName[]): OutputName[] {
  const touched = new Set<OutputName>();
  for (const file of changed) {
    const folder = isInside(file, templatesDir) ? path.relative(templatesDir, file).split(path.sep)[0]! : undefined;
    for (const output of (folder && TEMPLATE_OUTPUTS[folder]) || OUTPUT_NAMES) touched.add(output);
  }
  return OUTPUT_NAMES.filter((output) => touched.has(output) && enabled.includes(output));
}
