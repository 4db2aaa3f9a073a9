import { invalidField } from './errors.js';

/** A page of a list: `nextCursor` is null on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function encodeCursor(value: string | number): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T extends string | number>(cursor: string, kind: 'string' | 'number'): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (typeof value === kind) return value as T;
  } catch {
    // fall through to the validation error below
  }
  throw invalidField('/cursor', 'cursor is not one this server issued');
}

/** Builds a page from rows fetched with `limit + 1`, so the extra row tells whether more exist. */
export function toPage<R, T>(rows: R[], limit: number, cursorOf: (row: R) => string | number, map: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(map),
    nextCursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
