import { ApiError } from '../api/client';
import { byField } from './field-errors';

/**
 * Where a refused request's messages go: onto the fields the form shows (by JSON Pointer, as
 * `lines.0.quantity`), the rest into one message above the form.
 */
export function placeProblem(error: unknown, keys: readonly string[]): { fields: Record<string, string>; formError: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, formError: error instanceof Error ? error.message : String(error) };
  const placed = byField(error.fieldErrors, keys);
  const placedAny = Object.keys(placed.fields).length > 0;
  const formError = placed.other.length > 0 ? placed.other.join('; ') : placedAny ? null : error.message;
  return { fields: placed.fields, formError };
}
