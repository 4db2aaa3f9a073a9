import { itemRefsByIds } from '../catalog/item-service.js';
import type { Executor } from '../db/schema.js';
import { customerLocationIds } from '../locations/location-service.js';
import { formatScaled, parseScaled } from '../shared/quantity.js';
import * as tracking from '../tracking/tracking-repository.js';
import { getSalesOrder } from './order-view.js';
import * as repo from './return-repository.js';
import { committedToReturn, returnable } from './return-rules.js';
import { loadOrderShipped } from './return-tracked-lines.js';
import { openClaims, receivedAgainstOrder } from './return-tracking-repository.js';
import type { ReturnableLine } from './return-types.js';
import { stateOf } from './return-view.js';

/**
 * What may still come back of each shipped line of an order, by lot and serial for tracked
 * items: the choices a new return offers. The same figures authorising a return checks; a hint,
 * since another return may take them first.
 */
export async function returnableOfOrder(db: Executor, orderRef: string): Promise<ReturnableLine[]> {
  const order = await getSalesOrder(db, orderRef);
  const items = await itemRefsByIds(db, order.lines.map((l) => l.item.id));
  const others = await repo.linesAgainst(db, order.lines.map((l) => l.id));
  const shipped = await loadOrderShipped(db, order, [...items.values()].filter((i) => i.tracking !== 'none').map((i) => i.id), others);
  const serialsLeft = await returnableSerialsOf(db, order.id, shipped.serials);
  const lotRows = new Map((await tracking.lotsByIds(db, [...shipped.lots.values()].flatMap((m) => [...m.keys()]))).map((l) => [l.id, l]));
  return order.lines.flatMap((l) => {
    const item = items.get(l.item.id);
    const decimals = item?.decimals ?? 0;
    const text = (n: number) => formatScaled(n, decimals);
    const sent = parseScaled(l.shipped, decimals, '/');
    if (sent === 0) return [];
    const taken = others.filter((o) => o.order_line_id === l.id).reduce((sum, o) => sum + committedToReturn(o.status, stateOf(o)), 0);
    const lots = [...(shipped.lots.get(l.item.id) ?? new Map<string, number>())].map(([lotId, quantity]) => ({
      id: lotId, number: lotRows.get(lotId)?.lot_number ?? lotId, expiresOn: lotRows.get(lotId)?.expires_on ?? null,
      shipped: text(quantity), returnable: text(returnable(quantity, shipped.taken.get(lotId) ?? 0)),
    }));
    return [{
      line: { id: l.id, lineNo: l.lineNo }, item: l.item, shipped: l.shipped, returnable: text(returnable(sent, taken)),
      lots, serials: serialsLeft.get(l.item.id) ?? [],
    }];
  });
}

/** Of the serials an order shipped, those with the customer now, not back on one of its returns and claimed by no open return. */
async function returnableSerialsOf(db: Executor, orderId: string, shipped: Map<string, string[]>): Promise<Map<string, string[]>> {
  const rows = (await Promise.all([...shipped].map(([itemId, numbers]) => tracking.findSerials(db, itemId, numbers)))).flat();
  const customers = await customerLocationIds(db);
  const ids = rows.map((r) => r.id);
  const [back, claimed] = await Promise.all([receivedAgainstOrder(db, orderId, ids), openClaims(db, ids)]);
  const out = new Set([...back, ...claimed].map((r) => r.serial_id));
  const result = new Map<string, string[]>();
  for (const r of rows.sort((a, b) => (a.serial_number < b.serial_number ? -1 : 1))) {
    if (out.has(r.id) || !customers.includes(r.location_id)) continue;
    result.set(r.item_id, [...(result.get(r.item_id) ?? []), r.serial_number]);
  }
  return result;
}
