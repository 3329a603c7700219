/**
 * Domain errors. Libraries and processors throw `DomainError` (never Nest's
 * HttpException); the API's global exception filter maps `code` to an HTTP
 * status with an exhaustive switch, and renders
 * `{ statusCode, code, message, details?, requestId }`.
 *
 * The code values are part of the public API contract (they appear in error
 * bodies): do not rename them.
 */

export const DOMAIN_ERROR_CODES = [
  'validation_failed', // 400 / 422: input breaks a rule; `details` names each field
  'not_found', // 404
  'conflict', // 409: duplicate key, stale state, illegal state transition
  'forbidden', // 403: authenticated but not allowed
  'unauthorized', // 401: missing or bad credentials
  'payload_too_large', // 413
  'unsupported_media_type', // 415
  'rate_limited', // 429
  'internal', // 500: a bug, a broken invariant, bad configuration, tampered ciphertext
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * One problem with one input field. `field` is a path in the input as the
 * caller wrote it: `country`, `fees[1].currency`, `answers.excessive_hours`.
 */
export interface FieldIssue {
  field: string;
  reason: string;
}

export interface DomainErrorOptions {
  details?: FieldIssue[];
  cause?: unknown;
}

export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  readonly code: DomainErrorCode;
  readonly details?: FieldIssue[];

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.details !== undefined) this.details = options.details;
  }

  /** Input failed validation. The message lists the fields unless one is given. */
  static validation(details: FieldIssue[], message?: string): ValidationError {
    return new ValidationError(details, message);
  }

  /** `resource` is a human noun ("supplier"), `id` the identifier that was looked up. */
  static notFound(resource: string, id: string): NotFoundError {
    return new NotFoundError(resource, id);
  }

  static conflict(message: string, details?: FieldIssue[]): ConflictError {
    return new ConflictError(message, details);
  }

  static forbidden(message = 'Not allowed'): DomainError {
    return new DomainError('forbidden', message);
  }

  static unauthorized(message = 'Authentication required'): DomainError {
    return new DomainError('unauthorized', message);
  }

  static internal(message: string, cause?: unknown): DomainError {
    return new DomainError('internal', message, { cause });
  }
}

export class ValidationError extends DomainError {
  override readonly name: string = 'ValidationError';
  declare readonly details: FieldIssue[];

  constructor(details: FieldIssue[], message?: string) {
    super('validation_failed', message ?? ValidationError.summarize(details), { details });
  }

  private static summarize(details: FieldIssue[]): string {
    if (details.length === 0) return 'Validation failed';
    const shown = details.slice(0, 5).map((d) => `${d.field}: ${d.reason}`);
    const more = details.length > 5 ? ` (and ${details.length - 5} more)` : '';
    return `Validation failed: ${shown.join('; ')}${more}`;
  }
}

export class NotFoundError extends DomainError {
  override readonly name: string = 'NotFoundError';
  readonly resource: string;
  readonly id: string;

  constructor(resource: string, id: string) {
    super('not_found', `${resource} ${id} not found`);
    this.resource = resource;
    this.id = id;
  }
}

export class ConflictError extends DomainError {
  override readonly name: string = 'ConflictError';

  constructor(message: string, details?: FieldIssue[]) {
    super('conflict', message, details === undefined ? {} : { details });
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** Prefix every issue's field with a path: `prefixIssues('fees[0]', [{field:'currency',…}])` gives `fees[0].currency`. */
export function prefixIssues(prefix: string, issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((i) => ({ field: i.field === '' ? prefix : `${prefix}.${i.field}`, reason: i.reason }));
}
