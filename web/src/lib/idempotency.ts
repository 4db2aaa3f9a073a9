/**
 * A fresh Idempotency-Key. `crypto.randomUUID` exists only on secure origins, and a handheld on
 * the warehouse network may well reach Stockroom over plain http, so the key is built from
 * `getRandomValues`, which works everywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
