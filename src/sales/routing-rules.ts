import type { RoutingRule } from './channel-rules.js';

/**
 * Fulfilment routing, pure: which sites ship which part of an order. Sites are tried in an order
 * of preference (priority list, then distance to the delivery address or a matching region, then
 * code); with `single_location` the first site that can ship everything takes the whole order,
 * otherwise (with `split`) the lines are filled site by site in that order. What no site can give
 * is the shortfall. Quantities are integers; a site never gives more than it has of an item, and
 * the whole order never takes more of an item than `caps` allows (the channel's buffer).
 */
export interface RoutingLine {
  itemId: string;
  quantity: number;
}

export interface RoutingSite {
  id: string;
  code: string;
  /** Micro-degrees, or null when the site has no coordinates. */
  latitude: number | null;
  longitude: number | null;
  region: string | null;
  available: ReadonlyMap<string, number>;
}

export interface RoutingAddress {
  latitude: number | null;
  longitude: number | null;
  region: string | null;
}

export interface RoutingDecision {
  /** Per line (same index as the input), what each site gives. */
  allocations: Array<Array<{ siteId: string; quantity: number }>>;
  /** Per line, what no site could give. */
  shortfalls: number[];
  /** The sites used, in order of preference. */
  sites: string[];
  reason: string;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance between two points in micro-degrees. Only ranks sites and is shown rounded; never stored. */
export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = (micro: number) => (micro / 1e6) * (Math.PI / 180);
  const dLat = rad(bLat - aLat);
  const dLon = rad(bLon - aLon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(aLat)) * Math.cos(rad(bLat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Candidate {
  site: RoutingSite;
  km: number | null;
  sameRegion: boolean;
  rank: number;
}

function candidates(sites: readonly RoutingSite[], rules: readonly RoutingRule[], priority: readonly string[], address: RoutingAddress): Candidate[] {
  const closest = rules.includes('closest');
  const prioritized = rules.includes('priority');
  const located = address.latitude !== null && address.longitude !== null;
  const list = sites.map((site) => ({
    site,
    km: located && site.latitude !== null && site.longitude !== null ? distanceKm(address.latitude as number, address.longitude as number, site.latitude, site.longitude) : null,
    sameRegion: address.region !== null && site.region !== null && site.region.toLowerCase() === address.region.toLowerCase(),
    rank: prioritized && priority.includes(site.id) ? priority.indexOf(site.id) : priority.length,
  }));
  const byCode = (a: Candidate, b: Candidate) => (a.site.code < b.site.code ? -1 : a.site.code > b.site.code ? 1 : 0);
  const byNearness = (a: Candidate, b: Candidate) => {
    if (!closest) return 0;
    if (a.km !== null || b.km !== null) return a.km === null ? 1 : b.km === null ? -1 : a.km - b.km;
    return Number(b.sameRegion) - Number(a.sameRegion);
  };
  return list.sort((a, b) => a.rank - b.rank || byNearness(a, b) || byCode(a, b));
}

function describe(c: Candidate, rules: readonly RoutingRule[]): string {
  const why: string[] = [];
  if (rules.includes('priority') && c.rank === 0) why.push('is first in the channel’s priority list');
  if (rules.includes('closest') && c.km !== null) why.push(`is ${Math.round(c.km)} km from the address`);
  else if (rules.includes('closest') && c.sameRegion) why.push(`is in the address’s region (${c.site.region ?? ''})`);
  return why.length ? ` and ${why.join(' and ')}` : '';
}

/** A site named in a list: its code and, when routing by nearness, how far it is. */
function brief(c: Candidate, rules: readonly RoutingRule[]): string {
  if (!rules.includes('closest')) return c.site.code;
  if (c.km !== null) return `${c.site.code} (${Math.round(c.km)} km away)`;
  return c.sameRegion ? `${c.site.code} (same region)` : c.site.code;
}

export function routeOrder(
  lines: readonly RoutingLine[], sites: readonly RoutingSite[], rules: readonly RoutingRule[], priority: readonly string[],
  address: RoutingAddress, caps: ReadonlyMap<string, number> = new Map(),
): RoutingDecision {
  const ordered = candidates(sites, rules, priority, address);
  const left = new Map(ordered.map((c) => [c.site.id, new Map(c.site.available)]));
  const cap = new Map(caps);
  const allocations: RoutingDecision['allocations'] = lines.map(() => []);
  const shortfalls = lines.map((l) => l.quantity);
  const give = (siteId: string, lineIndex: number) => {
    const line = lines[lineIndex] as RoutingLine;
    const stock = left.get(siteId) as Map<string, number>;
    const quantity = Math.min(shortfalls[lineIndex] as number, Math.max(0, stock.get(line.itemId) ?? 0), cap.get(line.itemId) ?? Number.MAX_SAFE_INTEGER);
    if (quantity <= 0) return;
    stock.set(line.itemId, (stock.get(line.itemId) ?? 0) - quantity);
    if (cap.has(line.itemId)) cap.set(line.itemId, (cap.get(line.itemId) as number) - quantity);
    shortfalls[lineIndex] = (shortfalls[lineIndex] as number) - quantity;
    allocations[lineIndex]?.push({ siteId, quantity });
  };
  const used = () => ordered.filter((c) => allocations.some((a) => a.some((x) => x.siteId === c.site.id)));

  if (rules.includes('single_location')) {
    const whole = ordered.find((c) => coversAll(lines, c.site, caps));
    if (whole) {
      lines.forEach((_, i) => give(whole.site.id, i));
      return { allocations, shortfalls, sites: [whole.site.id], reason: `${whole.site.code} can ship the whole order${describe(whole, rules)}` };
    }
  }
  if (rules.includes('split')) {
    for (const c of ordered) lines.forEach((_, i) => give(c.site.id, i));
    const chosen = used();
    const short = shortfalls.some((s) => s > 0) ? '; the rest is not available' : '';
    const reason = chosen.length === 0
      ? 'no site the channel sells from has any of it'
      : `${chosen.length === 1 ? 'no site can ship the whole order; ' : 'no single site can ship the whole order; split across '}${chosen.map((c) => brief(c, rules)).join(', ')}${chosen.length === 1 ? ' ships what it has' : ''}${short}`;
    return { allocations, shortfalls, sites: chosen.map((c) => c.site.id), reason };
  }
  const best = [...ordered].sort((a, b) => covered(lines, b.site, caps) - covered(lines, a.site, caps))[0];
  if (best) lines.forEach((_, i) => give(best.site.id, i));
  const chosen = used();
  const reason = chosen.length === 0
    ? 'no site the channel sells from has any of it'
    : `no site can ship the whole order and the channel does not split orders; ${(chosen[0] as Candidate).site.code}${describe(chosen[0] as Candidate, rules)} ships the most`;
  return { allocations, shortfalls, sites: chosen.map((c) => c.site.id), reason };
}

/** Demand per item of an order (an item may be on several lines). */
function demand(lines: readonly RoutingLine[]): Map<string, number> {
  const total = new Map<string, number>();
  for (const l of lines) total.set(l.itemId, (total.get(l.itemId) ?? 0) + l.quantity);
  return total;
}

function coversAll(lines: readonly RoutingLine[], site: RoutingSite, caps: ReadonlyMap<string, number>): boolean {
  return [...demand(lines)].every(([itemId, q]) => (site.available.get(itemId) ?? 0) >= q && (caps.get(itemId) ?? Number.MAX_SAFE_INTEGER) >= q);
}

function covered(lines: readonly RoutingLine[], site: RoutingSite, caps: ReadonlyMap<string, number>): number {
  return [...demand(lines)].reduce((sum, [itemId, q]) => sum + Math.max(0, Math.min(q, site.available.get(itemId) ?? 0, caps.get(itemId) ?? Number.MAX_SAFE_INTEGER)), 0);
}

/**
 * Within one site, which bins give a quantity: a bin that holds all of it (first by code) so the
 * picker walks to one place, else bin after bin by code. Returns what each gives and what is left.
 */
export function takeFromBins(bins: ReadonlyArray<{ id: string; code: string; available: number }>, quantity: number): { takes: Array<{ id: string; quantity: number }>; left: number } {
  const sorted = [...bins].filter((b) => b.available > 0).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const whole = sorted.find((b) => b.available >= quantity);
  if (whole) return { takes: [{ id: whole.id, quantity }], left: 0 };
  const takes: Array<{ id: string; quantity: number }> = [];
  let left = quantity;
  for (const bin of sorted) {
    if (left === 0) break;
    const take = Math.min(left, bin.available);
    takes.push({ id: bin.id, quantity: take });
    left -= take;
  }
  return { takes, left };
}
