// Language knowledge in one place: scripts of characters, faces per language, the text runs font choice needs.
export { codeStack, fontStackCss, leadingFace, textStack } from './font-stacks.ts';
export { scriptOf } from './script-of.ts';
export { textRuns, type TextRun } from './text-runs.ts';
export { facesUsed } from './used-faces.ts';
export { bindingOf, directionOf, type Direction } from './direction.ts';
export { labelsFor, type Labels } from './labels.ts';
export { hyphenationModule, hyphenatorFor, justifiesEvenly, type Hyphenator } from './hyphenation.ts';
export { tagLatinRuns } from './latin-runs.ts';
export { languageOf } from './nearest-lang.ts';
