import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoutingRule } from './channel-rules.js';
import { distanceKm, routeOrder, takeFromBins, type RoutingSite } from './routing-rules.js';

const site = (id: string, stock: Record<string, number>, geo: Partial<RoutingSite> = {}): RoutingSite => ({
  id, code: id, latitude: null, longitude: null, region: null, available: new Map(Object.entries(stock)), ...geo,
});
const nowhere = { latitude: null, longitude: null, region: null };
const DEFAULT: RoutingRule[] = ['single_location', 'closest', 'split'];
// Berlin, Hamburg, Munich in micro-degrees.
const BERLIN = { latitude: 52_520_008, longitude: 13_404_954 };
const HAMBURG = { latitude: 53_551_086, longitude: 9_993_682 };
const MUNICH = { latitude: 48_135_125, longitude: 11_581_981 };

describe('routing an order', () => {
  it('prefers one site that can ship the whole order over a closer one that cannot', () => {
    const sites = [site('WH1', { a: 5, b: 1 }, HAMBURG), site('WH2', { a: 5, b: 5 }, MUNICH)];
    const decision = routeOrder([{ itemId: 'a', quantity: 2 }, { itemId: 'b', quantity: 2 }], sites, DEFAULT, [], { ...nowhere, ...BERLIN });
    expect(decision.allocations).toEqual([[{ siteId: 'WH2', quantity: 2 }], [{ siteId: 'WH2', quantity: 2 }]]);
    expect(decision.reason).toBe('WH2 can ship the whole order and is 504 km from the address');
  });

  it('chooses the closest of several sites that could each ship it, by coordinates or else by region', () => {
    const sites = [site('MUC', { a: 9 }, { ...MUNICH, region: 'south' }), site('HAM', { a: 9 }, { ...HAMBURG, region: 'north' }), site('XXX', { a: 9 })];
    expect(routeOrder([{ itemId: 'a', quantity: 1 }], sites, DEFAULT, [], { ...nowhere, ...BERLIN }).sites).toEqual(['HAM']);
    const byRegion = routeOrder([{ itemId: 'a', quantity: 1 }], sites, DEFAULT, [], { ...nowhere, region: 'South' });
    expect(byRegion).toMatchObject({ sites: ['MUC'], reason: 'MUC can ship the whole order and is in the address’s region (south)' });
    expect(routeOrder([{ itemId: 'a', quantity: 1 }], sites, DEFAULT, [], nowhere).sites).toEqual(['HAM']);
  });

  it('splits nearest first when no site has everything, and reports what nobody has', () => {
    const sites = [site('MUC', { a: 3 }, MUNICH), site('HAM', { a: 2 }, HAMBURG)];
    const decision = routeOrder([{ itemId: 'a', quantity: 6 }], sites, DEFAULT, [], { ...nowhere, ...BERLIN });
    expect(decision.allocations[0]).toEqual([{ siteId: 'HAM', quantity: 2 }, { siteId: 'MUC', quantity: 3 }]);
    expect(decision.shortfalls).toEqual([1]);
    expect(decision.reason).toBe('no single site can ship the whole order; split across HAM (255 km away), MUC (504 km away); the rest is not available');
    expect(decision.sites).toEqual(['HAM', 'MUC']);
  });

  it('without split, the site that has the most ships what it has', () => {
    const sites = [site('S1', { a: 1, b: 1 }), site('S2', { a: 2, b: 2 })];
    const decision = routeOrder([{ itemId: 'a', quantity: 3 }, { itemId: 'b', quantity: 1 }], sites, ['single_location'], [], nowhere);
    expect(decision.allocations).toEqual([[{ siteId: 'S2', quantity: 2 }], [{ siteId: 'S2', quantity: 1 }]]);
    expect(decision.shortfalls).toEqual([1, 0]);
  });

  it('tries the channel’s priority sites first', () => {
    const sites = [site('A', { a: 5 }, HAMBURG), site('B', { a: 5 }, MUNICH)];
    const decision = routeOrder([{ itemId: 'a', quantity: 1 }], sites, ['priority', 'single_location', 'closest'], ['B'], { ...nowhere, ...BERLIN });
    expect(decision.sites).toEqual(['B']);
    expect(decision.reason).toMatch(/first in the channel’s priority list/);
  });

  it('keeps the whole order within the caps (the channel’s buffer)', () => {
    const decision = routeOrder([{ itemId: 'a', quantity: 4 }], [site('A', { a: 3 }), site('B', { a: 3 })], DEFAULT, [], nowhere, new Map([['a', 4 - 1]]));
    expect(decision.shortfalls).toEqual([1]);
  });

  it('measures distance on the sphere', () => {
    expect(Math.round(distanceKm(BERLIN.latitude, BERLIN.longitude, MUNICH.latitude, MUNICH.longitude))).toBe(504);
    expect(distanceKm(1, 2, 1, 2)).toBe(0);
  });
});

const items = ['a', 'b', 'c'];
const arbitraryOrder = fc.record({
  lines: fc.array(fc.record({ itemId: fc.constantFrom(...items), quantity: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 5 }),
  sites: fc.array(fc.record({ a: fc.nat(15), b: fc.nat(15), c: fc.nat(15), lat: fc.integer({ min: -90_000_000, max: 90_000_000 }), lon: fc.integer({ min: -180_000_000, max: 180_000_000 }) }), { minLength: 1, maxLength: 4 }),
  rules: fc.subarray(['single_location', 'closest', 'split'] as RoutingRule[]),
  address: fc.record({ latitude: fc.integer({ min: -90_000_000, max: 90_000_000 }), longitude: fc.integer({ min: -180_000_000, max: 180_000_000 }), region: fc.constant(null) }),
});
const toSites = (raw: Array<{ a: number; b: number; c: number; lat: number; lon: number }>) =>
  raw.map((s, i) => site(`S${i}`, { a: s.a, b: s.b, c: s.c }, { latitude: s.lat, longitude: s.lon }));

describe('routing properties', () => {
  it('never gives more than a site has, and every unit is either given or short', () => {
    fc.assert(fc.property(arbitraryOrder, ({ lines, sites: raw, rules, address }) => {
      const sites = toSites(raw);
      const decision = routeOrder(lines, sites, rules, [], address);
      lines.forEach((line, i) => {
        const given = (decision.allocations[i] ?? []).reduce((sum, a) => sum + a.quantity, 0);
        expect(given + (decision.shortfalls[i] ?? 0)).toBe(line.quantity);
        expect(decision.shortfalls[i]).toBeGreaterThanOrEqual(0);
      });
      for (const s of sites) {
        for (const item of items) {
          const taken = lines.reduce((sum, l, i) => sum + (l.itemId === item ? (decision.allocations[i] ?? []).filter((a) => a.siteId === s.id).reduce((t, a) => t + a.quantity, 0) : 0), 0);
          expect(taken).toBeLessThanOrEqual(s.available.get(item) ?? 0);
        }
      }
    }));
  });

  it('with split allowed, ships everything whenever the sites together have enough', () => {
    fc.assert(fc.property(arbitraryOrder, ({ lines, sites: raw, rules, address }) => {
      const sites = toSites(raw);
      const enough = items.every((item) => lines.filter((l) => l.itemId === item).reduce((s, l) => s + l.quantity, 0) <= sites.reduce((s, x) => s + (x.available.get(item) ?? 0), 0));
      const decision = routeOrder(lines, sites, [...new Set([...rules, 'split' as const])], [], address);
      if (enough) expect(decision.shortfalls.every((s) => s === 0)).toBe(true);
    }));
  });

  it('with single_location, uses one site whenever one site can ship it all', () => {
    fc.assert(fc.property(arbitraryOrder, ({ lines, sites: raw, rules, address }) => {
      const sites = toSites(raw);
      const oneCan = sites.some((s) => items.every((item) => lines.filter((l) => l.itemId === item).reduce((t, l) => t + l.quantity, 0) <= (s.available.get(item) ?? 0)));
      const decision = routeOrder(lines, sites, [...new Set(['single_location' as const, ...rules])], [], address);
      if (oneCan) {
        expect(decision.sites).toHaveLength(1);
        expect(decision.shortfalls.every((s) => s === 0)).toBe(true);
      }
    }));
  });
});

describe('taking from bins', () => {
  it('prefers one bin that holds it all, else fills bin after bin by code', () => {
    const bins = [{ id: 'b2', code: 'B-02', available: 5 }, { id: 'b1', code: 'B-01', available: 2 }, { id: 'b3', code: 'B-03', available: 0 }];
    expect(takeFromBins(bins, 4)).toEqual({ takes: [{ id: 'b2', quantity: 4 }], left: 0 });
    expect(takeFromBins(bins, 6)).toEqual({ takes: [{ id: 'b1', quantity: 2 }, { id: 'b2', quantity: 4 }], left: 0 });
    expect(takeFromBins(bins, 9)).toEqual({ takes: [{ id: 'b1', quantity: 2 }, { id: 'b2', quantity: 5 }], left: 2 });
  });
});
