import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFigures, figureKey, itemsPerChannel, touchedPairs } from './availability-feed-rules.js';

describe('touchedPairs', () => {
  it('lists each item × location once, in the order first seen', () => {
    const pairs = touchedPairs([
      { changes: [{ itemId: 'a', locationId: 'bin1' }, { itemId: 'a', locationId: 'customer' }] },
      { changes: [{ itemId: 'a', locationId: 'bin1' }, { itemId: 'b', locationId: 'bin1' }] },
    ]);
    expect(pairs).toEqual([{ itemId: 'a', locationId: 'bin1' }, { itemId: 'a', locationId: 'customer' }, { itemId: 'b', locationId: 'bin1' }]);
  });
});

describe('itemsPerChannel', () => {
  it('gives every channel selling from a touched location the items moved there, once', () => {
    const channelsOf = new Map([['bin1', ['web', 'pos']], ['bin2', ['web']], ['customer', []]]);
    const result = itemsPerChannel(
      [{ itemId: 'a', locationId: 'bin1' }, { itemId: 'a', locationId: 'bin2' }, { itemId: 'b', locationId: 'bin2' }, { itemId: 'c', locationId: 'customer' }],
      channelsOf,
    );
    expect(Object.fromEntries(result)).toEqual({ web: ['a', 'b'], pos: ['a'] });
  });
});

describe('changedFigures', () => {
  it('publishes new and changed figures with the previous one, and leaves unchanged ones out', () => {
    const published = new Map([[figureKey({ channelId: 'web', itemId: 'a' }), 5], [figureKey({ channelId: 'web', itemId: 'b' }), 3]]);
    const result = changedFigures(
      [{ channelId: 'web', itemId: 'a', available: 4 }, { channelId: 'web', itemId: 'b', available: 3 }, { channelId: 'web', itemId: 'c', available: 0 }],
      published,
    );
    expect(result).toEqual([{ channelId: 'web', itemId: 'a', available: 4, previous: 5 }, { channelId: 'web', itemId: 'c', available: 0, previous: null }]);
  });

  it('never repeats a published figure and drops nothing that changed', () => {
    const figure = fc.record({ channelId: fc.constantFrom('web', 'pos'), itemId: fc.constantFrom('a', 'b', 'c', 'd'), available: fc.nat(20) });
    fc.assert(
      fc.property(fc.uniqueArray(figure, { selector: figureKey }), fc.array(figure), (current, before) => {
        const published = new Map(before.map((f) => [figureKey(f), f.available]));
        const changed = changedFigures(current, published);
        for (const c of changed) expect(published.get(figureKey(c))).not.toBe(c.available);
        const unchanged = current.filter((f) => published.get(figureKey(f)) === f.available);
        expect(changed.length + unchanged.length).toBe(current.length);
      }),
    );
  });
});
