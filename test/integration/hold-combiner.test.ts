import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../src/db/command.js';
import { eventRows } from '../../src/db/outbox.js';
import type { ReservationRow } from '../../src/db/schema.js';
import { holdsInOneStatement, type HoldToWrite } from '../../src/ledger/hold-statements.js';
import { holdEvent } from '../../src/ledger/reservations.js';
import { combinedHold } from '../../src/operations/hold-combiner.js';
import type { CommandContext } from '../../src/shared/context.js';
import { newId } from '../../src/shared/ids.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { makeItem, makeWarehouse, receiveStock } from '../support/factories.js';

/**
 * The PostgreSQL hot-SKU path (src/operations/hold-combiner.ts): concurrent holds of one balance
 * row go together in one statement, all or none, each with its own reservation, audit row and event.
 */
describe('combined holds on postgres', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('postgres');
  });
  afterAll(async () => api.close());

  const db = () => api.db.store.db;
  const ctx = (name: string): CommandContext => ({ actor: { id: `key-${name}`, name, role: 'operator' } });

  async function stocked(quantity: number) {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, quantity);
    return { itemId: item.id, locationId: binA.id };
  }

  function hold(at: { itemId: string; locationId: string }, quantity: number, who = 'clerk', id = newId()): HoldToWrite {
    const now = new Date().toISOString();
    const row: ReservationRow = {
      id, item_id: at.itemId, location_id: at.locationId, quantity, status: 'active', expires_at: null, reference: `REF-${quantity}`,
      actor: `key-${who}`, created_at: now, closed_at: null,
    };
    const [audit] = auditRows(ctx(who), [{ action: 'reservation.created', entityType: 'reservation', entityId: id, details: { reference: row.reference } }]);
    const [event] = eventRows([holdEvent(row)]);
    if (!audit || !event) throw new Error('no audit or event row');
    return { row, audit, event };
  }

  const reservedAt = async (at: { itemId: string; locationId: string }) =>
    Number((await db().selectFrom('balances').select('reserved').where('item_id', '=', at.itemId).where('location_id', '=', at.locationId).executeTakeFirstOrThrow()).reserved);
  const reservationsOf = (itemId: string) => db().selectFrom('reservations').selectAll().where('item_id', '=', itemId).orderBy('quantity').execute();

  it('takes a batch in one statement: stock once for the sum, and every reservation, audit row and event', async () => {
    const at = await stocked(10);
    const holds = [hold(at, 2, 'ana'), hold(at, 3, 'ben'), hold(at, 4, 'cy')];
    expect(await holdsInOneStatement(db(), holds)).toBe(true);
    expect(await reservedAt(at)).toBe(9);
    const rows = await reservationsOf(at.itemId);
    expect(rows.map((r) => [Number(r.quantity), r.actor, r.reference, r.status])).toEqual([
      [2, 'key-ana', 'REF-2', 'active'], [3, 'key-ben', 'REF-3', 'active'], [4, 'key-cy', 'REF-4', 'active'],
    ]);
    const ids = holds.map((h) => h.row.id);
    const audit = await db().selectFrom('audit_log').selectAll().where('entity_id', 'in', ids).orderBy('actor_name').execute();
    expect(audit.map((a) => [a.actor_name, a.action, a.entity_type, a.details])).toEqual([
      ['ana', 'reservation.created', 'reservation', '{"reference":"REF-2"}'],
      ['ben', 'reservation.created', 'reservation', '{"reference":"REF-3"}'],
      ['cy', 'reservation.created', 'reservation', '{"reference":"REF-4"}'],
    ]);
    const events = await db().selectFrom('events').select('id').where('id', 'in', holds.map((h) => h.event.id)).execute();
    expect(events).toHaveLength(3);
  });

  it('writes nothing when the batch asks for more than is available, even if some of it would fit', async () => {
    const at = await stocked(5);
    expect(await holdsInOneStatement(db(), [hold(at, 2), hold(at, 2), hold(at, 2)])).toBe(false);
    expect(await reservedAt(at)).toBe(0);
    expect(await reservationsOf(at.itemId)).toEqual([]);
  });

  it('writes nothing for an archived item', async () => {
    const at = await stocked(5);
    await db().updateTable('items').set({ archived_at: new Date().toISOString() }).where('id', '=', at.itemId).execute();
    expect(await holdsInOneStatement(db(), [hold(at, 1), hold(at, 1)])).toBe(false);
    expect(await reservedAt(at)).toBe(0);
  });

  it('answers every concurrent caller, combining those that arrive while a statement is in flight', async () => {
    const at = await stocked(100);
    const holds = Array.from({ length: 40 }, () => hold(at, 2));
    const took = await Promise.all(holds.map((h) => combinedHold(db(), h)));
    expect(took).toEqual(holds.map(() => true));
    expect(await reservedAt(at)).toBe(80);
    expect(await reservationsOf(at.itemId)).toHaveLength(40);
  });

  it('answers false to every hold of a batch that does not fit, so each can take the exact path', async () => {
    const at = await stocked(3);
    const took = await Promise.all([1, 1, 1, 1].map((q) => combinedHold(db(), hold(at, q))));
    // The first goes alone and takes; the three that queued behind it go together and ask for 3 of the 2 left.
    expect(took).toEqual([true, false, false, false]);
    expect(await reservedAt(at)).toBe(1);
  });

  it('rejects every hold of a batch whose statement fails, and the statement writes nothing', async () => {
    const at = await stocked(10);
    const first = hold(at, 1);
    const twins = [hold(at, 1, 'ana', 'duplicate-id'), hold(at, 1, 'ben', 'duplicate-id')];
    const outcomes = await Promise.allSettled([first, ...twins].map((h) => combinedHold(db(), h)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/duplicate key/);
    expect(await reservedAt(at)).toBe(1);
    expect((await reservationsOf(at.itemId)).map((r) => r.id)).toEqual([first.row.id]);
  });
});
