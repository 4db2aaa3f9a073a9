import type { Store } from '../db/store.js';
import { cancelSalesOrder } from '../sales/order-actions-service.js';
import { createSalesOrder } from '../sales/order-service.js';
import { createPickList } from '../sales/pick-list-service.js';
import { createChannel } from '../sales/channel-service.js';
import type { DeliveryAddress } from '../sales/order-types.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import type { DemoItem } from './demo-types.js';
import { LOC } from './layout.js';

export interface SalesCounts {
  channels: number;
  orders: number;
}

/** The demo business sells online from both warehouses, at the store's till, and on a marketplace from the central warehouse. */
const CHANNELS = [
  { code: 'WEB', name: 'Web shop', kind: 'web', locations: [LOC.wh1, LOC.wh2], buffer: '1' },
  { code: 'TILL', name: 'City Store till', kind: 'pos', locations: [LOC.store] },
  { code: 'MARKET', name: 'Marketplace', kind: 'marketplace', locations: [LOC.wh1], buffer: '3' },
] as const;

const CUSTOMERS: Array<{ name: string; address: DeliveryAddress }> = [
  { name: 'Jana Novak', address: { line1: 'Karl-Marx-Allee 12', city: 'Berlin', postalCode: '10243', country: 'DE', latitude: '52.5177', longitude: '13.4325' } },
  { name: 'Piotr Zielinski', address: { line1: 'ul. Półwiejska 4', city: 'Poznań', postalCode: '61-888', country: 'PL', latitude: '52.4010', longitude: '16.9280' } },
  { name: 'Lena Fischer', address: { line1: 'Neumarkt 3', city: 'Dresden', postalCode: '01067', country: 'DE', latitude: '51.0518', longitude: '13.7413' } },
  { name: 'Marek Kowalski', address: { line1: 'ul. Długa 20', city: 'Gdańsk', postalCode: '80-827', country: 'PL', region: 'PL-22' } },
  { name: 'Sophie Wagner', address: { line1: 'Marienplatz 1', city: 'München', postalCode: '80331', country: 'DE', latitude: '48.1374', longitude: '11.5755' } },
  { name: 'Tomasz Lewandowski', address: { line1: 'Rynek 7', city: 'Wrocław', postalCode: '50-106', country: 'PL', latitude: '51.1100', longitude: '17.0320' } },
];

/**
 * The demo's selling side, through the ordinary services: three channels and a handful of open
 * orders routed by the channels' rules — most waiting to be picked, two on a pick list, one
 * cancelled — so the order, pick and ship screens have something to show. Orders only reserve,
 * so the stock the simulation ended with stays as it is. An order the stock cannot cover is
 * skipped, not forced.
 */
export async function loadSales(store: Store, ctx: CommandContext, items: readonly DemoItem[]): Promise<SalesCounts> {
  for (const channel of CHANNELS) await createChannel(store, ctx, { ...channel, locations: [...channel.locations] });
  const sellable = items.filter((i) => i.home.wh1 !== undefined || i.home.wh2 !== undefined);
  const placed: string[] = [];
  for (const [n, customer] of CUSTOMERS.entries()) {
    const picks = [sellable[(n * 7) % sellable.length], sellable[(n * 7 + 3) % sellable.length]].filter((i): i is DemoItem => i !== undefined);
    const number = await placeOrder(store, ctx, {
      channel: n % 3 === 2 ? 'MARKET' : 'WEB', externalId: `demo-${1001 + n}`, customerName: customer.name, address: { name: customer.name, ...customer.address },
      lines: picks.map((item) => ({ item: item.sku, quantity: '1' })),
    });
    if (number) placed.push(number);
  }
  const [first, second, , last] = placed;
  if (first && second) await createPickList(store, ctx, { orders: [first, second] });
  if (last) await cancelSalesOrder(store, ctx, last, { note: 'customer changed their mind' });
  return { channels: CHANNELS.length, orders: placed.length };
}

async function placeOrder(store: Store, ctx: CommandContext, input: Parameters<typeof createSalesOrder>[2]): Promise<string | undefined> {
  try {
    return (await createSalesOrder(store, ctx, input)).result.number;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'insufficient-stock') return undefined;
    throw error;
  }
}
