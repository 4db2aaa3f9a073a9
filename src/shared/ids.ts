import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let next = POOL_SIZE;

/** Cryptographic random bytes drawn from a pooled buffer: ulid otherwise asks the OS for one byte at a time. */
function pooledRandom(): number {
  if (next >= POOL_SIZE) {
    randomFillSync(pool);
    next = 0;
  }
  return (pool[next++] as number) / 256;
}

const nextUlid = monotonicFactory(pooledRandom);

/** Opaque, sortable identifiers that are stable across databases. */
export function newId(): string {
  return nextUlid();
}
