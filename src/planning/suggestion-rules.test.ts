import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundOrderQuantity } from './order-rounding.js';
import { chooseSupplier, lineTotal, suggestPurchaseOrders, unitPriceAt, type SuggestionLine, type SupplierOption } from './suggestion-rules.js';

const supplier = (supplierId: string, overrides: Partial<SupplierOption> = {}): SupplierOption => ({
  supplierId,
  currency: 'EUR',
  preferred: false,
  leadTimeDays: 7,
  unitPriceBreaks: [{ minQuantity: 0, unitPrice: 10_000 }],
  ...overrides,
});
const line = (itemId: string, siteId: string, needed: number, suppliers: SupplierOption[], decimals = 0): SuggestionLine => ({ itemId, siteId, decimals, needed, suppliers });

describe('picking a supplier', () => {
  it('takes the preferred supplier even when another is cheaper', () => {
    const pick = chooseSupplier(line('i', 's', 10, [supplier('cheap', { unitPriceBreaks: [{ minQuantity: 0, unitPrice: 1 }] }), supplier('pref', { preferred: true })]));
    expect(pick).toMatchObject({ supplier: { supplierId: 'pref' }, quantity: 10, unitPrice: 10_000, choice: 'preferred' });
  });

  it('otherwise takes the cheapest, then the quickest, then the smallest id', () => {
    const price = (unitPrice: number) => [{ minQuantity: 0, unitPrice }];
    const options = [
      supplier('b', { unitPriceBreaks: price(29_000), leadTimeDays: 5 }),
      supplier('c', { unitPriceBreaks: price(30_000), leadTimeDays: 1 }),
      supplier('a', { unitPriceBreaks: price(29_000), leadTimeDays: 10 }),
    ];
    expect(chooseSupplier(line('i', 's', 10, options))).toMatchObject({ supplier: { supplierId: 'b' }, choice: 'ranked' });
    const tied = [supplier('z'), supplier('y'), supplier('x', { leadTimeDays: 8 })];
    expect(chooseSupplier(line('i', 's', 10, tied))?.supplier.supplierId).toBe('y');
  });

  it('compares prices at the quantity each supplier would deliver after its rounding', () => {
    const bulk = supplier('bulk', { packSize: 100, unitPriceBreaks: [{ minQuantity: 0, unitPrice: 30_000 }, { minQuantity: 100, unitPrice: 20_000 }] });
    const single = supplier('single', { unitPriceBreaks: [{ minQuantity: 0, unitPrice: 25_000 }] });
    expect(chooseSupplier(line('i', 's', 47, [single, bulk]))).toMatchObject({ supplier: { supplierId: 'bulk' }, quantity: 100, unitPrice: 20_000 });
  });

  it('ranks a supplier without a price after every priced one, but still uses it when alone', () => {
    const unpriced = supplier('a', { unitPriceBreaks: [], leadTimeDays: 1 });
    expect(chooseSupplier(line('i', 's', 10, [unpriced, supplier('b', { leadTimeDays: 30 })]))?.supplier.supplierId).toBe('b');
    expect(chooseSupplier(line('i', 's', 10, [unpriced]))).toMatchObject({ supplier: { supplierId: 'a' }, unitPrice: null });
    expect(chooseSupplier(line('i', 's', 10, []))).toBeNull();
  });

  it('ranks an unknown lead time after every known one', () => {
    expect(chooseSupplier(line('i', 's', 10, [supplier('a', { leadTimeDays: null }), supplier('b', { leadTimeDays: 30 })]))?.supplier.supplierId).toBe('b');
  });

  it('leaves price out of the ranking when the suppliers quote different currencies', () => {
    const euro = supplier('euro', { leadTimeDays: 10, unitPriceBreaks: [{ minQuantity: 0, unitPrice: 100 }] });
    const yen = supplier('yen', { currency: 'JPY', leadTimeDays: 3, unitPriceBreaks: [{ minQuantity: 0, unitPrice: 9_000 }] });
    expect(chooseSupplier(line('i', 's', 10, [euro, yen]))?.supplier.supplierId).toBe('yen');
    expect(chooseSupplier(line('i', 's', 10, [euro, { ...yen, currency: 'EUR' }]))?.supplier.supplierId).toBe('euro');
  });
});

describe('prices and totals', () => {
  const breaks = [{ minQuantity: 100, unitPrice: 80 }, { minQuantity: 0, unitPrice: 100 }, { minQuantity: 10, unitPrice: 90 }];

  it('uses the break with the largest minimum not above the quantity', () => {
    expect([9, 10, 99, 100, 5000].map((q) => unitPriceAt(breaks, q))).toEqual([100, 90, 90, 80, 80]);
    expect(unitPriceAt([{ minQuantity: 5, unitPrice: 1 }], 4)).toBeNull();
    expect(unitPriceAt([], 4)).toBeNull();
    expect(unitPriceAt([{ minQuantity: 5, unitPrice: 9 }, { minQuantity: 5, unitPrice: 7 }], 5)).toBe(7);
  });

  it('prices scaled quantities per whole unit and rounds half up to four places', () => {
    expect(lineTotal(48, 0, 22_500)).toBe(1_080_000); // 48 × 2.2500 = 108.0000
    expect(lineTotal(1500, 3, 33_333)).toBe(50_000); // 1.5 kg × 3.3333 = 4.99995 → 5.0000
    expect(lineTotal(1499, 3, 33_333)).toBe(49_966); // 4.9966167 → 4.9966
    expect(lineTotal(1, 1, 5)).toBe(1); // 0.1 × 0.0005 = 0.00005 → 0.0001
    expect(lineTotal(1, 1, 4)).toBe(0); // 0.00004 → 0
    expect(() => lineTotal(1, 7, 1)).toThrow(RangeError);
    expect(() => lineTotal(10 ** 12, 0, 10 ** 6)).toThrow(RangeError);
  });

  it('matches a BigInt reference of half-up rounding, or refuses what leaves the exact range', () => {
    fc.assert(
      fc.property(fc.nat(10 ** 9), fc.integer({ min: 0, max: 6 }), fc.nat(10 ** 7), (quantity, decimals, price) => {
        const exact = BigInt(quantity) * BigInt(price);
        const unit = 10n ** BigInt(decimals);
        const reference = exact / unit + (2n * (exact % unit) >= unit ? 1n : 0n);
        if (reference > BigInt(Number.MAX_SAFE_INTEGER)) expect(() => lineTotal(quantity, decimals, price)).toThrow(RangeError);
        else expect(BigInt(lineTotal(quantity, decimals, price))).toBe(reference);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('suggesting purchase orders', () => {
  it('groups lines per supplier and site, rounds and prices them, and lists what has no supplier', () => {
    const acme = supplier('acme', { preferred: true, packSize: 12, moq: 24, leadTimeDays: 5, unitPriceBreaks: [{ minQuantity: 0, unitPrice: 25_000 }, { minQuantity: 48, unitPrice: 22_500 }] });
    const bolt = supplier('bolt', { leadTimeDays: 9, unitPriceBreaks: [{ minQuantity: 0, unitPrice: 12_345 }] });
    const result = suggestPurchaseOrders([
      line('widget', 'north', 47, [acme, bolt]),
      line('flour', 'north', 3200, [supplier('acme', { packSize: 2500, leadTimeDays: 3, unitPriceBreaks: [{ minQuantity: 0, unitPrice: 8_000 }] })], 3),
      line('widget', 'south', 5, [acme]),
      line('gadget', 'north', 3, [bolt]),
      line('orphan', 'north', 2, []),
      line('idle', 'north', 0, [acme]),
    ]);
    expect(result.proposals.map((p) => [p.supplierId, p.siteId, p.lines.map((l) => l.itemId), p.total, p.leadTimeDays])).toEqual([
      ['acme', 'north', ['widget', 'flour'], 1_080_000 + 40_000, 5], // 48 × 2.25 + 5 kg × 0.80
      ['acme', 'south', ['widget'], 600_000, 5], // MOQ 24 × 2.50
      ['bolt', 'north', ['gadget'], 37_035, 9], // 3 × 1.2345
    ]);
    expect(result.proposals[0]?.lines[0]).toEqual({ itemId: 'widget', siteId: 'north', needed: 47, quantity: 48, unitPrice: 22_500, lineTotal: 1_080_000, leadTimeDays: 5, choice: 'preferred' });
    expect(result.proposals[0]?.lines[1]).toMatchObject({ quantity: 5000, lineTotal: 40_000, choice: 'ranked' });
    expect(result.unassigned).toEqual([{ itemId: 'orphan', siteId: 'north', needed: 2, reason: 'no-supplier' }]);
  });

  it('totals only priced lines and counts the rest', () => {
    const [proposal] = suggestPurchaseOrders([line('a', 's', 2, [supplier('x')]), line('b', 's', 3, [supplier('x', { unitPriceBreaks: [] })])]).proposals;
    expect(proposal).toMatchObject({ currency: 'EUR', total: 20_000, unpricedLines: 1, leadTimeDays: 7 });
    expect(proposal?.lines[1]).toMatchObject({ unitPrice: null, lineTotal: null });
    const unknown = suggestPurchaseOrders([line('a', 's', 2, [supplier('x', { leadTimeDays: null })])]).proposals[0];
    expect(unknown?.leadTimeDays).toBeNull();
  });

  it('refuses the same item twice for one site and negative needs', () => {
    expect(() => suggestPurchaseOrders([line('a', 's', 1, []), line('a', 's', 2, [])])).toThrow(/twice/);
    expect(() => suggestPurchaseOrders([line('a', 's', -1, [])])).toThrow(RangeError);
    expect(() => suggestPurchaseOrders([line('a', 's', 1, [supplier('x', { leadTimeDays: -1 })])])).toThrow(RangeError);
    expect(() => suggestPurchaseOrders([line('a', 's', 1, [supplier('x')]), line('b', 's', 1, [supplier('x', { currency: 'USD' })])])).toThrow(/both EUR and USD/);
  });

  const supplierIds = fc.constantFrom('s1', 's2', 's3', 's4');
  const options = fc.uniqueArray(
    fc.record({
      supplierId: supplierIds,
      preferred: fc.boolean(),
      leadTimeDays: fc.option(fc.nat(60)),
      moq: fc.option(fc.nat(500)),
      packSize: fc.option(fc.integer({ min: 1, max: 50 })),
      unitPriceBreaks: fc.array(fc.record({ minQuantity: fc.nat(300), unitPrice: fc.nat(10 ** 6) }), { maxLength: 3 }),
    }),
    { selector: (option) => option.supplierId, maxLength: 4 },
  ).map((list) => list.map((option) => ({ ...option, currency: option.supplierId === 's3' ? 'USD' : 'EUR' })));
  const lines = fc.uniqueArray(
    fc.record({ itemId: fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5'), siteId: fc.constantFrom('n', 's', 'e'), decimals: fc.integer({ min: 0, max: 6 }), needed: fc.nat(10 ** 6), suppliers: options }),
    { selector: (l) => `${l.itemId}/${l.siteId}`, maxLength: 15 },
  );

  it('places every line needing stock exactly once, with its chosen supplier and exact totals', () => {
    fc.assert(
      fc.property(lines, (input) => {
        const { proposals, unassigned } = suggestPurchaseOrders(input);
        const placed = [...proposals.flatMap((p) => p.lines.map((l) => ({ ...l, supplierId: p.supplierId, proposalSite: p.siteId }))), ...unassigned];
        const key = (l: { itemId: string; siteId: string }) => `${l.itemId}/${l.siteId}`;
        expect(placed.map(key).sort()).toEqual(input.filter((l) => l.needed > 0).map(key).sort());
        for (const entry of placed) {
          const source = input.find((l) => key(l) === key(entry));
          expect(entry.needed).toBe(source?.needed);
          if (!('supplierId' in entry)) {
            expect(source?.suppliers).toEqual([]);
            continue;
          }
          const chosen = source?.suppliers.find((s) => s.supplierId === entry.supplierId);
          expect(chosen).toBeDefined();
          if (chosen === undefined || source === undefined) return;
          expect(entry.proposalSite).toBe(entry.siteId);
          expect(entry.quantity).toBe(roundOrderQuantity(source.needed, chosen));
          expect(Number.isSafeInteger(entry.quantity)).toBe(true);
          if (source.suppliers.some((s) => s.preferred)) expect(chosen.preferred).toBe(true);
        }
        const keys = proposals.map((p) => `${p.supplierId}/${p.siteId}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect([...keys].sort()).toEqual(keys);
        for (const proposal of proposals) {
          expect(proposal.total).toBe(proposal.lines.reduce((sum, l) => sum + (l.lineTotal ?? 0), 0));
          expect(proposal.unpricedLines).toBe(proposal.lines.filter((l) => l.unitPrice === null).length);
          const known = proposal.lines.flatMap((l) => (l.leadTimeDays === null ? [] : [l.leadTimeDays]));
          expect(proposal.leadTimeDays).toBe(known.length === 0 ? null : Math.max(...known));
          expect(Number.isSafeInteger(proposal.total)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('chooses the same supplier whatever order the suppliers are listed in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 6 }), options.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))), (needed, [list, shuffled]) => {
        const a = chooseSupplier({ needed, suppliers: list });
        const b = chooseSupplier({ needed, suppliers: shuffled });
        expect(b?.supplier.supplierId).toBe(a?.supplier.supplierId);
      }),
      { numRuns: 500 },
    );
  });
});
