import type { LocationKind } from '../db/schema.js';

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
