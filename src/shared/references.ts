import { DomainError } from './errors.js';

/** A reference a client wrote (an id, SKU or code) and the request field it wrote it in. */
export interface FieldRef {
  ref: string;
  path: string;
}

/**
 * Indexes resolved rows by every name they answer to (natural key first, so an id that happens to
 * equal another row's SKU or code still finds its own row), then reports each reference that
 * found nothing or found something archived, at the field where the client wrote it.
 */
export function indexReferences<T extends { archived: boolean }>(
  what: string,
  refs: FieldRef[],
  resolved: Array<{ id: string; naturalKey: string; value: T }>,
): Map<string, T> {
  const byRef = new Map<string, T>();
  for (const r of resolved) byRef.set(r.naturalKey, r.value);
  for (const r of resolved) byRef.set(r.id, r.value);
  const errors = refs.flatMap(({ ref, path }) => {
    const value = byRef.get(ref);
    if (!value) return [{ path, message: `${what} '${ref}' does not exist` }];
    if (value.archived) return [{ path, message: `${what} '${ref}' is archived` }];
    return [];
  });
  if (errors.length > 0) throw new DomainError('validation', errors.map((e) => e.message).join('; '), errors);
  return byRef;
}
