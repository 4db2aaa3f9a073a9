import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** Opaque, sortable identifiers that are stable across databases. */
export function newId(): string {
  return nextUlid();
}
