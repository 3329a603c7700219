/**
 * A problem with the file as a whole (malformed CSV quoting, invalid UTF-8,
 * unknown or missing columns): the import fails, nothing is written, and the
 * message is shown to the user as the import's `error`. `line` is the 1-based
 * line of the file where the problem was found, when there is one.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export function isImportFileError(value: unknown): value is ImportFileError {
  return value instanceof ImportFileError;
}
