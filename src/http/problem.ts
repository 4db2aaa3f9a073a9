import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type FieldError, type ProblemCode } from '../shared/errors.js';

const STATUS: Record<ProblemCode, number> = {
  validation: 400,
  unauthorized: 401,
  'not-found': 404,
  'insufficient-stock': 409,
  conflict: 409,
  'idempotency-key-reuse': 422,
  'rule-violation': 422,
};

const TITLE: Record<ProblemCode, string> = {
  validation: 'The request is not valid',
  unauthorized: 'Missing or invalid API key',
  'not-found': 'Not found',
  'insufficient-stock': 'Not enough stock',
  conflict: 'Conflict with the current state',
  'idempotency-key-reuse': 'Idempotency-Key reused for a different request',
  'rule-violation': 'The request breaks a business rule',
};

export function problemType(code: ProblemCode | 'internal' | 'forbidden'): string {
  return `/problems/${code}`;
}

export function sendProblem(reply: FastifyReply, code: ProblemCode, detail: string, errors: FieldError[] = [], extra: Record<string, unknown> = {}) {
  const status = STATUS[code];
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: problemType(code), title: TITLE[code], status, detail, ...(errors.length > 0 && { errors }), ...extra });
}

/** Every error leaves as problem+json; unexpected ones are logged and told apart from the client's mistakes. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) return sendProblem(reply, error.code, error.message, error.fieldErrors, error.extra);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext === 'body' ? '' : `/${error.validationContext ?? 'request'}`;
    const errors = error.validation.flatMap((v) => {
      const base = `${where}${v.instancePath === '/' ? '' : v.instancePath}`;
      // A strict object names its unknown fields in `keys`: point at each field, not at the object holding it.
      const keys = v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys) ? v.params.keys.map((k: unknown) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`) : [''];
      return keys.map((key) => ({ path: `${base}${key}` || '/', message: v.message ?? 'invalid' }));
    });
    return sendProblem(reply, 'validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    const message = error.message || 'bad request';
    return sendProblem(reply, error.statusCode === 404 ? 'not-found' : 'validation', message, [{ path: '/', message }]);
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.code(500).type('application/problem+json').send({
    type: problemType('internal'), title: 'Internal error', status: 500, detail: 'Something went wrong on the server; the error was logged.',
  });
}
