import { randomBytes } from 'node:crypto';
import { sha256 } from '../shared/canonical-json.js';

export const ROLES = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A new secret: shown once, stored only as its SHA-256 (the key has 256 bits of entropy, so no slow hash is needed). */
export function generateApiKey(): string {
  return `sr_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return sha256(key);
}

/** The first characters identify a key in lists without revealing it. */
export function keyPrefix(key: string): string {
  return key.slice(0, 10);
}

/** What each role may do: viewers read, operators also move stock, admins also manage keys. */
export function roleAllows(role: Role, need: 'read' | 'write' | 'admin'): boolean {
  if (need === 'read') return true;
  if (need === 'write') return role !== 'viewer';
  return role === 'admin';
}
