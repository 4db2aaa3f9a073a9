import type { ApiClient } from './api-client.js';

/**
 * A small shop's two months, posted through the API with backdated business times, so the
 * dashboard, charts and item pages show something a person would recognise. Deterministic.
 */
const SITES = [
  { code: 'WH1', name: 'Main warehouse', zones: [{ code: 'WH1-A', name: 'Aisle A', bins: ['WH1-A-01', 'WH1-A-02', 'WH1-A-03'] }, { code: 'WH1-B', name: 'Aisle B', bins: ['WH1-B-01', 'WH1-B-02'] }] },
  { code: 'STORE', name: 'City store', zones: [{ code: 'STORE-FLOOR', name: 'Shop floor', bins: ['STORE-SHELF-1', 'STORE-SHELF-2'] }] },
];

export interface SeedItem { sku: string; name: string; category: string; unit: string; decimals: number; cost: string; reorderPoint: string; gtin: string; daily: number }

/** Completes a 12-digit EAN body with its check digit. */
export function ean13(body: string): string {
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const ITEMS: SeedItem[] = [
  { sku: 'COF-ESP-1KG', name: 'Espresso beans, 1 kg bag', category: 'Coffee', unit: 'bag', decimals: 0, cost: '14.20', reorderPoint: '40', gtin: ean13('590123412345'), daily: 6 },
  { sku: 'COF-FIL-1KG', name: 'Filter coffee, 1 kg bag', category: 'Coffee', unit: 'bag', decimals: 0, cost: '11.80', reorderPoint: '30', gtin: ean13('590123412346'), daily: 4 },
  { sku: 'TEA-EB-100', name: 'English breakfast tea, 100 bags', category: 'Tea', unit: 'box', decimals: 0, cost: '3.95', reorderPoint: '25', gtin: ean13('590123412347'), daily: 3 },
  { sku: 'CUP-8OZ-50', name: 'Paper cup 8 oz, sleeve of 50', category: 'Packaging', unit: 'sleeve', decimals: 0, cost: '2.10', reorderPoint: '120', gtin: ean13('590123412348'), daily: 14 },
  { sku: 'LID-8OZ-50', name: 'Lid for 8 oz cup, sleeve of 50', category: 'Packaging', unit: 'sleeve', decimals: 0, cost: '1.35', reorderPoint: '120', gtin: ean13('590123412349'), daily: 13 },
  { sku: 'MLK-OAT-1L', name: 'Oat drink, 1 l carton', category: 'Dairy-free', unit: 'carton', decimals: 0, cost: '1.49', reorderPoint: '60', gtin: ean13('590123412350'), daily: 9 },
  { sku: 'SUG-CANE-KG', name: 'Cane sugar, loose', category: 'Pantry', unit: 'kg', decimals: 3, cost: '1.12', reorderPoint: '25', gtin: ean13('590123412351'), daily: 2 },
  { sku: 'CHO-POW-1KG', name: 'Chocolate powder, 1 kg tin', category: 'Pantry', unit: 'tin', decimals: 0, cost: '7.60', reorderPoint: '12', gtin: ean13('590123412352'), daily: 1 },
  { sku: 'NAP-WHT-500', name: 'White napkins, pack of 500', category: 'Packaging', unit: 'pack', decimals: 0, cost: '4.40', reorderPoint: '20', gtin: ean13('590123412353'), daily: 2 },
  { sku: 'CLN-ESP-TAB', name: 'Espresso machine cleaning tablets', category: 'Cleaning', unit: 'tube', decimals: 0, cost: '6.90', reorderPoint: '8', gtin: ean13('590123412354'), daily: 1 },
];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** A business time `days` ago at `hour` UTC; today's times that have not come yet are moved into the past hour. */
function daysAgo(days: number, hour: number): string {
  const now = new Date();
  const at = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days, hour, 15);
  return new Date(Math.min(at, now.getTime() - (60 - hour) * 60_000)).toISOString();
}

export async function seedShop(api: ApiClient, days = 60): Promise<void> {
  for (const site of SITES) {
    await api.post('/api/v1/locations', { code: site.code, name: site.name, kind: 'site' });
    for (const zone of site.zones) {
      await api.post('/api/v1/locations', { code: zone.code, name: zone.name, kind: 'zone', parent: site.code });
      for (const [i, bin] of zone.bins.entries()) await api.post('/api/v1/locations', { code: bin, name: `Bin ${i + 1}`, kind: 'bin', parent: zone.code });
    }
  }
  await api.post('/api/v1/locations', { code: 'WH1-QC', name: 'Quality control', kind: 'zone', parent: 'WH1', sellable: false });
  for (const item of ITEMS) {
    const { daily: _daily, cost: _cost, gtin, ...fields } = item;
    await api.post('/api/v1/items', { ...fields, barcodes: [{ code: gtin, kind: 'gtin' }] });
  }
  const next = random(42);
  const bin = (item: SeedItem) => (ITEMS.indexOf(item) % 2 === 0 ? 'WH1-A-01' : 'WH1-B-01');
  const stock = new Map<string, number>();
  const receive = async (item: SeedItem, quantity: number, at: string) => {
    await api.post('/api/v1/receipts', { location: bin(item), occurredAt: at, reference: `PO-${at.slice(0, 10)}`, lines: [{ item: item.sku, quantity, unitCost: item.cost }] });
    stock.set(item.sku, (stock.get(item.sku) ?? 0) + quantity);
  };
  for (const item of ITEMS) await receive(item, item.daily * 18, daysAgo(days, 7));
  for (let day = days - 1; day >= 0; day--) {
    for (const item of ITEMS) {
      // Sales run down the stock; the last item is left to fall below its reorder point.
      const wanted = Math.max(0, Math.round(item.daily * (0.5 + next())));
      const quantity = Math.min(wanted, stock.get(item.sku) ?? 0);
      if (quantity > 0) {
        await api.post('/api/v1/shipments', { location: bin(item), occurredAt: daysAgo(day, 12 + (ITEMS.indexOf(item) % 6)), lines: [{ item: item.sku, quantity }] });
        stock.set(item.sku, (stock.get(item.sku) ?? 0) - quantity);
      }
      const restock = item !== ITEMS[ITEMS.length - 1] && day % 7 === ITEMS.indexOf(item) % 7 && day > 3;
      if (restock) await receive(item, item.daily * 8, daysAgo(day, 8));
    }
  }
  await api.post('/api/v1/transfers', { from: 'WH1-A-01', to: 'STORE-SHELF-1', lines: [{ item: 'COF-ESP-1KG', quantity: 12 }, { item: 'TEA-EB-100', quantity: 6 }] });
  await api.post('/api/v1/transfers', { from: 'WH1-B-01', to: 'STORE-SHELF-2', mode: 'two-step', reference: 'Van 2', lines: [{ item: 'CUP-8OZ-50', quantity: 40 }] });
  await api.post('/api/v1/adjustments', { location: 'WH1-A-01', reason: 'damage', note: 'Torn bags found at count', lines: [{ item: 'COF-ESP-1KG', delta: -2 }] });
  await seedPurchasing(api);
  await seedChannelsAndWebhooks(api);
  await seedSalesOrders(api);
  await seedReturns(api);
  await seedCounts(api);
  await seedTracking(api);
}

export const SEEDED_ITEMS: readonly SeedItem[] = ITEMS;

/** The purchasing records the seed leaves, so every purchasing screen has something to show. */
export const SEEDED_PURCHASING = { supplier: 'BEANCO', partlyReceived: 'PO-000001', draft: 'PO-000002' } as const;

/**
 * A supplier with terms, reorder policies at WH1 (one item low), an order sent and partly received
 * (into WH1-A-03, away from the bins other tests watch) and a draft.
 */
async function seedPurchasing(api: ApiClient): Promise<void> {
  const supplier = SEEDED_PURCHASING.supplier;
  const [espresso, filter, tea] = ITEMS;
  if (!espresso || !filter || !tea) throw new Error('the seed needs three items');
  await api.post('/api/v1/suppliers', { code: supplier, name: 'Bean & Leaf Wholesale', currency: 'EUR', leadTimeDays: 5, paymentTerms: '30 days net', overReceiptTolerance: '5' });
  await api.post(`/api/v1/suppliers/${supplier}/items`, { item: espresso.sku, supplierSku: 'BL-ESP', packSize: '6', minOrderQuantity: '12', preferred: true, prices: [{ minQuantity: '0', unitPrice: '13.50' }, { minQuantity: '60', unitPrice: '12.90' }] });
  await api.post(`/api/v1/suppliers/${supplier}/items`, { item: filter.sku, supplierSku: 'BL-FIL', packSize: '6', preferred: true, prices: [{ minQuantity: '0', unitPrice: '11.20' }] });
  await api.post(`/api/v1/suppliers/${supplier}/items`, { item: tea.sku, supplierSku: 'BL-TEA', packSize: '10', prices: [{ minQuantity: '0', unitPrice: '3.60' }] });
  await api.put(`/api/v1/planning/reorder-policies/${filter.sku}/WH1`, { method: 'manual', min: '1000', max: '1200' });
  await api.put(`/api/v1/planning/reorder-policies/${espresso.sku}/WH1`, { method: 'computed', safetyStock: '10', coverDays: 14 });
  const ordered = await api.post<{ number: string }>('/api/v1/purchase-orders', { supplier, site: 'WH1', notes: 'Weekly coffee order', lines: [{ item: espresso.sku, quantity: '24' }, { item: tea.sku, quantity: '20' }] });
  await api.post(`/api/v1/purchase-orders/${ordered.number}/order`, {});
  await api.post(`/api/v1/purchase-orders/${ordered.number}/receipts`, { location: 'WH1-A-03', reference: 'DN-1001', lines: [{ item: espresso.gtin, quantity: '6' }] });
  await api.post('/api/v1/purchase-orders', { supplier, site: 'STORE', lines: [{ item: tea.sku, quantity: '10' }] });
}

/** The sales channel and webhook subscription the seed leaves for the channel and webhook screens. */
export const SEEDED_SALES = { channel: 'ONLINE', webhookUrl: 'http://127.0.0.1:9/stockroom-seed' } as const;

/**
 * A web-store channel selling from WH1 with a buffer, and a paused webhook subscription: paused,
 * so nothing is ever sent to its URL (a local one all the same).
 */
async function seedChannelsAndWebhooks(api: ApiClient): Promise<void> {
  const [espresso] = ITEMS;
  if (!espresso) throw new Error('the seed needs an item');
  await api.post('/api/v1/channels', {
    code: SEEDED_SALES.channel, name: 'Online shop', kind: 'web', locations: ['WH1'], buffer: '2',
    itemBuffers: [{ item: espresso.sku, buffer: '5' }], routing: { rules: ['priority', 'single_location', 'split'], priority: ['WH1'] },
  });
  await api.post('/api/v1/webhooks', { url: SEEDED_SALES.webhookUrl, eventTypes: ['stock.changed'], description: 'ERP sync (paused)', status: 'paused' });
}

/** The phone channel, orders and pick list the seed leaves for the order and pick screens (the seed makes the first of each). */
export const SEEDED_ORDERS = { channel: 'PHONE', picking: 'SO-000001', held: 'SO-000002', pickList: 'PL-000001' } as const;

/**
 * Counter and phone orders from the city store (STORE, away from the WH1 bins other tests watch):
 * one being picked, one on a week-long checkout hold, so the detail screen shows its actions.
 */
async function seedSalesOrders(api: ApiClient): Promise<void> {
  const [espresso] = ITEMS;
  if (!espresso) throw new Error('the seed needs an item');
  await api.post('/api/v1/channels', { code: SEEDED_ORDERS.channel, name: 'Phone and counter', kind: 'pos', locations: ['STORE'] });
  const address = { line1: 'Königstraße 12', city: 'Stuttgart', postalCode: '70173', country: 'DE', region: 'DE-BW' };
  const picking = await api.post<{ number: string }>('/api/v1/sales-orders', { channel: SEEDED_ORDERS.channel, customerName: 'Grace Hopper', address, lines: [{ item: espresso.sku, quantity: '2' }] });
  const held = await api.post<{ number: string }>('/api/v1/sales-orders', { channel: SEEDED_ORDERS.channel, customerName: 'Alan Turing', holdTtlSeconds: 7 * 86_400, lines: [{ item: espresso.sku, quantity: '1' }] });
  const list = await api.post<{ number: string }>(`/api/v1/sales-orders/${picking.number}/pick`, {});
  const made = { picking: picking.number, held: held.number, pickList: list.number };
  for (const [name, number] of Object.entries(made)) {
    if (SEEDED_ORDERS[name as keyof typeof made] !== number) throw new Error(`the seed expected ${name} to be ${SEEDED_ORDERS[name as keyof typeof made]}, got ${number}: update SEEDED_ORDERS`);
  }
}

/** The return the seed leaves for the return screens: authorised, nothing received yet. */
export const SEEDED_RETURNS = { authorised: 'RMA-000001' } as const;

/** A counter sale of tea from the city store, shipped, and one box of it on its way back. */
async function seedReturns(api: ApiClient): Promise<void> {
  const tea = ITEMS[2];
  if (!tea) throw new Error('the seed needs three items');
  const order = await api.post<{ number: string }>('/api/v1/sales-orders', { channel: SEEDED_ORDERS.channel, customerName: 'Ada Lovelace', lines: [{ item: tea.sku, quantity: '2' }] });
  await api.post(`/api/v1/sales-orders/${order.number}/ship`, {});
  const made = await api.post<{ number: string }>('/api/v1/returns', { order: order.number, notes: 'Customer phoned: one box too many', lines: [{ item: tea.sku, quantity: '1', reason: 'not-wanted' }] });
  if (made.number !== SEEDED_RETURNS.authorised) throw new Error(`the seed expected ${SEEDED_RETURNS.authorised}, got ${made.number}: update SEEDED_RETURNS`);
}

/** Counts the seed leaves for the counting screens: one in review with a variance, one being counted. */
export const SEEDED_COUNTS = { review: 'CC-000001', counting: 'CC-000002' } as const;

/** Aisle A's first bin counted three bags of espresso short (worth more than its 20.00 threshold); the city store being counted. */
async function seedCounts(api: ApiClient): Promise<void> {
  const review = await api.post<{ id: string; number: string; lines: Array<{ item: { sku: string }; expected: string }> }>('/api/v1/counts', {
    scope: { type: 'selection', site: 'WH1', bins: ['WH1-A-01'] }, thresholds: { value: '20' }, note: 'Monthly aisle A check',
  });
  const started = await api.post<typeof review>(`/api/v1/counts/${review.id}/start`, {});
  const espresso = started.lines.find((l) => l.item.sku === 'COF-ESP-1KG');
  if (!espresso) throw new Error('the seed expected espresso in WH1-A-01');
  const entries = started.lines.map((l) => ({ item: l.item.sku, location: 'WH1-A-01', quantity: l === espresso ? String(Number(l.expected) - 3) : l.expected }));
  await api.post(`/api/v1/counts/${review.id}/entries`, { entries });
  await api.post(`/api/v1/counts/${review.id}/submit`, {});
  const counting = await api.post<{ id: string; number: string }>('/api/v1/counts', { scope: { type: 'site', site: 'STORE' } });
  await api.post(`/api/v1/counts/${counting.id}/start`, {});
  const made = { review: review.number, counting: counting.number };
  for (const [name, number] of Object.entries(made)) {
    if (SEEDED_COUNTS[name as keyof typeof made] !== number) throw new Error(`the seed expected ${name} to be ${SEEDED_COUNTS[name as keyof typeof made]}, got ${number}: update SEEDED_COUNTS`);
  }
}

/** A lot-tracked item with a lot that expires in five days and one expired three days ago, and a serial-tracked item with two units, for the tracking screens. */
export const SEEDED_TRACKING = { lotItem: 'MLK-FRESH-1L', lot: 'L-SEED-01', expiredLot: 'L-SEED-00', serialItem: 'GRN-ESP-PRO', serial: 'SN-SEED-0001' } as const;

async function seedTracking(api: ApiClient): Promise<void> {
  const t = SEEDED_TRACKING;
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  await api.post('/api/v1/items', { sku: t.lotItem, name: 'Fresh milk, 1 l', category: 'Dairy', unit: 'bottle', tracking: 'lot' });
  await api.post('/api/v1/receipts', { location: 'WH1-B-02', reference: 'Dairy delivery', lines: [{ item: t.lotItem, quantity: '24', unitCost: '0.95', lot: { number: t.lot, expiresOn: inDays(5) } }] });
  // Left on the shelf past its date: the expired row of the alerts and the lot page's warning.
  await api.post('/api/v1/receipts', { location: 'WH1-B-02', reference: 'Dairy delivery', lines: [{ item: t.lotItem, quantity: '2', unitCost: '0.95', lot: { number: t.expiredLot, expiresOn: inDays(-3) } }] });
  await api.post('/api/v1/items', { sku: t.serialItem, name: 'Espresso grinder, pro', category: 'Equipment', unit: 'pcs', tracking: 'serial' });
  await api.post('/api/v1/receipts', { location: 'WH1-B-02', lines: [{ item: t.serialItem, quantity: '2', unitCost: '310.00', serials: [t.serial, 'SN-SEED-0002'] }] });
}
