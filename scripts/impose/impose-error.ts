// The error imposition throws for a problem the user can fix (bad options, a PDF that does not fit the layout).

/** A problem with the input or the options, worded for the CLI to print as is. */
export class ImposeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImposeError';
  }
}
