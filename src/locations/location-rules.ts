import type { LocationKind } from '../db/schema.js';
import { invalidField } from '../shared/errors.js';
import { formatScaled, parseScaled, type QuantityInput } from '../shared/quantity.js';

/** Which kinds may sit under which: sites at the top, zones in sites or zones, bins in either. */
const ALLOWED_PARENTS: Record<Exclude<LocationKind, 'virtual'>, Array<LocationKind | null>> = {
  site: [null],
  zone: ['site', 'zone'],
  bin: ['site', 'zone'],
};

export function parentProblem(kind: LocationKind, parentKind: LocationKind | null): string | null {
  if (kind === 'virtual') return parentKind === 'virtual' || parentKind === null ? null : 'a virtual location can only sit under another virtual location';
  if (parentKind === 'virtual') return 'a physical location cannot sit under a virtual location';
  const allowed = ALLOWED_PARENTS[kind];
  if (allowed.includes(parentKind)) return null;
  return parentKind === null ? `a ${kind} needs a parent (${allowed.join(' or ')})` : `a ${kind} cannot sit under a ${parentKind}`;
}

/** Physical stock must not go negative unless the location explicitly allows it; virtual locations always may. */
export function mayGoNegative(location: { kind: LocationKind; allow_negative: number }): boolean {
  return location.kind === 'virtual' || location.allow_negative === 1;
}

/** Coordinates are exact decimal degrees with up to six places (about 11 cm), stored as integer micro-degrees. */
export const COORDINATE_DECIMALS = 6;
const LIMITS = { latitude: 90_000_000, longitude: 180_000_000 } as const;

export function parseCoordinate(input: QuantityInput, axis: keyof typeof LIMITS, path: string): number {
  const micro = parseScaled(input, COORDINATE_DECIMALS, path);
  if (Math.abs(micro) > LIMITS[axis]) throw invalidField(path, `${axis} must lie between -${LIMITS[axis] / 1e6} and ${LIMITS[axis] / 1e6}`);
  return micro;
}

export function formatCoordinate(micro: number | null): string | null {
  return micro === null ? null : formatScaled(micro, COORDINATE_DECIMALS);
}
