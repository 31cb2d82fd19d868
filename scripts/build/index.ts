// The build stage: a builder that loads the manuscript and writes each requested output atomically.
export { createBuilder, type Builder, type BuilderOptions, type BuildResult } from './builder.ts';
export { OUTPUT_NAMES, parseOutputList, type OutputName } from './outputs.ts';
export { formatMessages } from './format-messages.ts';
