import type { FieldError } from '../api/types';

/**
 * Places the API's field messages next to the fields they name. A JSON Pointer such as
 * `/lines/2/quantity` becomes the key `lines.2.quantity`; messages for paths no field shows
 * (or for the whole request, `/`) are returned apart so the form can show them at the top.
 */
export function byField(errors: readonly FieldError[], fields: readonly string[]): { fields: Record<string, string>; other: string[] } {
  const known = new Set(fields);
  const result: Record<string, string> = {};
  const other: string[] = [];
  for (const error of errors) {
    const key = pointerToKey(error.path);
    if (known.has(key) && result[key] === undefined) result[key] = error.message;
    else other.push(error.path && error.path !== '/' ? `${error.path}: ${error.message}` : error.message);
  }
  return { fields: result, other };
}

export function pointerToKey(pointer: string): string {
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
