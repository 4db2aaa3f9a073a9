import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../src/db/command.js';
import { postPlainMovements, type PlainPosting } from '../../src/ledger/posting.js';
import { postingMeta } from '../../src/operations/refs.js';
import { combinedPosting } from '../../src/operations/posting-combiner.js';
import { systemContext } from '../../src/shared/context.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { makeItem, makeWarehouse, onHandAt, receiveStock } from '../support/factories.js';

/**
 * SQLite's combined single movements (src/operations/posting-combiner.ts, postPlainMovements):
 * concurrent plain movements share one write job and its statements, each staying its own
 * posting; one that cannot be posted this way writes nothing and is left to the exact path.
 */
describe('combined plain movements on sqlite', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
  });
  afterAll(async () => api.close());

  const store = () => api.db.store;
  const ctx = systemContext();

  async function scene(stock: number) {
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    if (stock > 0) await receiveStock(api, item.sku, binA.code, stock);
    return { item, binA, binB };
  }

  function posting(itemId: string, from: { id: string; virtual?: boolean }, toId: string, quantity: number): PlainPosting {
    const meta = postingMeta(ctx, new Date().toISOString());
    const [audit] = auditRows(ctx, [{ action: 'movements.posted', entityType: 'posting', entityId: meta.postingId, details: { count: 1 } }]);
    if (!audit) throw new Error('no audit row');
    return {
      meta, audit,
      draft: {
        itemId, quantity, from: { id: from.id, mayGoNegative: from.virtual ?? false }, to: { id: toId, mayGoNegative: false }, kind: 'move', tracking: 'none',
        occurredAt: meta.recordedAt, path: '/quantity', display: { sku: itemId, decimals: 0, fromCode: from.id },
      },
    };
  }

  const postingsWritten = (ids: string[]) =>
    store().db.selectFrom('movements').select('posting_id').where('posting_id', 'in', ids).execute().then((rows) => rows.map((r) => r.posting_id).sort());

  it('posts what fits and leaves out, writing nothing for them, a refused debit and an archived item', async () => {
    const a = await scene(3);
    const b = await scene(5);
    await api.post(`/api/v1/items/${b.item.sku}/archive`);
    const supplier = await api.get<{ id: string }>('/api/v1/locations/supplier');
    const batch = [
      posting(a.item.id, a.binA, a.binB.id, 1), posting(a.item.id, a.binA, a.binB.id, 1),
      posting(b.item.id, b.binA, b.binB.id, 1),
      posting(a.item.id, { id: supplier.id, virtual: true }, a.binB.id, 4), posting(a.item.id, { id: supplier.id, virtual: true }, a.binB.id, 6),
    ];
    const rows = await store().write((trx) => postPlainMovements(trx, batch));
    expect(rows.map((r) => r?.posting_id)).toEqual([batch[0]?.meta.postingId, batch[1]?.meta.postingId, undefined, batch[3]?.meta.postingId, batch[4]?.meta.postingId]);
    expect([await onHandAt(api, a.item.sku, a.binA.code), await onHandAt(api, a.item.sku, a.binB.code)]).toEqual(['1', '12']);

    const tooMuch = [posting(a.item.id, a.binA, a.binB.id, 1), posting(a.item.id, a.binA, a.binB.id, 1)];
    // 2 asked of one balance row holding 1: the two go together or not at all.
    expect(await store().write((trx) => postPlainMovements(trx, tooMuch))).toEqual([undefined, undefined]);
    expect(await postingsWritten(tooMuch.map((p) => p.meta.postingId))).toEqual([]);
    const audited = await store().db.selectFrom('audit_log').select('entity_id').where('entity_id', 'in', batch.map((p) => p.meta.postingId)).execute();
    expect(audited).toHaveLength(4);
  });

  it('answers each concurrent caller with its own row, combining those that arrive together', async () => {
    const { item, binA, binB } = await scene(50);
    const batch = Array.from({ length: 30 }, () => posting(item.id, binA, binB.id, 1));
    const rows = await Promise.all(batch.map((p) => combinedPosting(store(), p)));
    expect(rows.map((r) => r?.posting_id)).toEqual(batch.map((p) => p.meta.postingId));
    expect(new Set(rows.map((r) => r?.seq)).size).toBe(30);
    expect(await onHandAt(api, item.sku, binB.code)).toBe('30');
  });

  it('rejects every movement of a job that fails, and the job writes nothing', async () => {
    const { item, binA, binB } = await scene(10);
    const [first, second] = [posting(item.id, binA, binB.id, 1), posting(item.id, binA, binB.id, 1)];
    if (!first || !second) throw new Error('no postings');
    const twin = { ...second, audit: { ...second.audit, id: first.audit.id } };
    const outcomes = await Promise.allSettled([first, twin].map((p) => combinedPosting(store(), p)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed: audit_log.id/);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('10');
    expect(await postingsWritten([first.meta.postingId, second.meta.postingId])).toEqual([]);
  });
});
