/**
 * Errors raised by services. They carry a stable problem code that the HTTP layer maps to an
 * RFC 9457 problem document; nothing here knows about HTTP.
 */
export type ProblemCode =
  | 'validation'
  | 'not-found'
  | 'insufficient-stock'
  | 'conflict'
  | 'idempotency-key-reuse'
  | 'rule-violation'
  | 'unauthorized';

export interface FieldError {
  /** JSON Pointer into the request body, e.g. `/lines/0/quantity`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function invalidField(path: string, message: string): DomainError {
  return new DomainError('validation', message, [{ path, message }]);
}

export function notFound(what: string, ref: string, path?: string): DomainError {
  const message = `${what} '${ref}' does not exist`;
  return new DomainError('not-found', message, path === undefined ? [] : [{ path, message }]);
}
