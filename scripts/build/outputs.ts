// The outputs a build can make, and what each needs.
/** In build order: the booklet, mini zine and press PDF reuse the PDF (the press PDF only when `print.pdfx` asks). */
export const OUTPUT_NAMES = ['html', 'pdf', 'booklet', 'minizine', 'press', 'epub'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** Parse `--only html,pdf`; undefined when a name is unknown. */
export function parseOutputList(list: string): OutputName[] | undefined {
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0 || names.some((name) => !(OUTPUT_NAMES as readonly string[]).includes(name))) return undefined;
  return names as OutputName[];
}

/** The outputs the browser makes: they share one PDF. */
export const PRINT_FAMILY: readonly OutputName[] = ['pdf', 'booklet', 'minizine', 'press'];
