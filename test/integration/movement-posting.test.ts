import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeLocation, makeWarehouse, onHandAt, postMovement, receiveStock, type PostingJson } from '../support/factories.js';
import { eventsOfType } from '../support/sales.js';
import { expectConsistent, expectProblem, expectRefused } from './assertions.js';

const BAD = '/problems/validation';

describe.each(DIALECTS)('posting movements on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const move = (body: unknown) => () => api.request('POST', '/api/v1/movements', body);
  const batch = (movements: unknown[]) => () => api.request('POST', '/api/v1/movements/batch', { movements });

  it('posts one movement between two bins and reads it back', async () => {
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 10);
    const response = await api.request('POST', '/api/v1/movements', { item: item.sku, quantity: '4', from: binA.code, to: binB.id, reference: 'PICK-1', note: 'restock' });
    expect(response.statusCode).toBe(201);
    const posting = response.json<PostingJson>();
    expect(posting.movements).toEqual([expect.objectContaining({ kind: 'move', quantity: '4', from: { id: binA.id, code: binA.code }, to: { id: binB.id, code: binB.code }, postingId: posting.postingId })]);
    const id = posting.movements[0]?.id ?? '';
    expect(await api.get(`/api/v1/movements/${id}`)).toMatchObject({ id, reference: 'PICK-1', note: 'restock', actor: { id: 'api-key:env-admin' } });
    expect([await onHandAt(api, item.sku, binA.code), await onHandAt(api, item.sku, binB.code)]).toEqual(['6', '4']);
    expectProblem(await api.request('GET', '/api/v1/movements/NO-SUCH-ID'), 404, '/problems/not-found');
  });

  it('posts a batch atomically, and posts nothing when one line of three is bad', async () => {
    const [a, b] = [await makeItem(api), await makeItem(api)];
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, a.sku, binA.code, 5);
    await receiveStock(api, b.sku, binA.code, 5);
    const lines = [
      { item: a.sku, quantity: 1, from: binA.code, to: binB.code },
      { item: b.sku, quantity: 2, from: binA.code, to: binB.code },
      { item: a.sku, quantity: 3, from: binA.code, to: binB.code },
    ];
    await expectRefused(api, batch([lines[0], { ...lines[1], item: 'NO-SUCH-SKU' }, lines[2]]), 400, BAD, ['/movements/1/item']);
    await expectRefused(api, batch([lines[0], lines[1], { ...lines[2], quantity: 5 }]), 409, '/problems/insufficient-stock', ['/movements/2/quantity']);
    await expectRefused(api, batch([lines[0], { ...lines[1], quantity: '0.5' }, lines[2]]), 400, BAD, ['/movements/1/quantity']);
    await expectRefused(api, batch([]), 400, BAD, ['/movements']);
    const posting = await api.post<PostingJson>('/api/v1/movements/batch', { movements: lines });
    expect(posting.movements.map((m) => m.quantity)).toEqual(['1', '2', '3']);
    expect(new Set(posting.movements.map((m) => m.postingId))).toEqual(new Set([posting.postingId]));
    expect([await onHandAt(api, a.sku, binB.code), await onHandAt(api, b.sku, binB.code)]).toEqual(['4', '2']);
  });

  it('reports unknown items and locations at their fields', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 1);
    await expectRefused(api, move({ item: 'NO-SUCH-SKU', quantity: 1, from: binA.code, to: 'loss' }), 400, BAD, ['/item']);
    const both = await expectRefused(api, move({ item: item.sku, quantity: 1, from: 'NOWHERE', to: 'ELSEWHERE' }), 400, BAD, ['/from', '/to']);
    expect(both.errors).toHaveLength(2);
    await expectRefused(api, move({ quantity: 1, from: binA.code, to: 'loss' }), 400, BAD, ['/item']);
    await expectRefused(api, move({ item: item.sku, quantity: 1, from: binA.code, to: binA.code }), 400, BAD);
  });

  it('refuses negative, zero, malformed and over-precise quantities at their paths', async () => {
    const pieces = await makeItem(api);
    const grams = await makeItem(api, { unit: 'kg', decimals: 3 });
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, pieces.sku, binA.code, 10);
    await receiveStock(api, grams.sku, binA.code, '10');
    for (const quantity of ['-1', -1, '0', 0, '1.5', 1.5, 'abc', '1e3', '', '1,5']) {
      await expectRefused(api, move({ item: pieces.sku, quantity, from: binA.code, to: binB.code }), 400, BAD, ['/quantity']);
    }
    await expectRefused(api, move({ item: grams.sku, quantity: '2.0001', from: binA.code, to: binB.code }), 400, BAD, ['/quantity']);
    await expectRefused(api, batch([{ item: grams.sku, quantity: '2.0001', from: binA.code, to: binB.code }]), 400, BAD, ['/movements/0/quantity']);
    await expectRefused(api, move({ item: pieces.sku, quantity: true, from: binA.code, to: binB.code }), 400, BAD, ['/quantity']);
    await expectRefused(api, move({ item: pieces.sku, quantity: 1, from: binA.code, to: binB.code, unitCost: '1.23456' }), 400, BAD, ['/unitCost']);
    await expectRefused(api, move({ item: pieces.sku, quantity: 1, from: binA.code, to: binB.code, unitCost: '-1' }), 400, BAD, ['/unitCost']);
    expect((await postMovement(api, { item: grams.sku, quantity: '2.001', from: binA.code, to: binB.code })).quantity).toBe('2.001');
    expect((await postMovement(api, { item: grams.sku, quantity: '2.5000', from: binA.code, to: binB.code })).quantity).toBe('2.5');
    expect(await onHandAt(api, grams.sku, binA.code)).toBe('5.499');
  });

  it('refuses with 409 a movement that would make a physical location negative, changing nothing', async () => {
    const item = await makeItem(api, { decimals: 2 });
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, '1.25');
    const problem = await expectRefused(api, move({ item: item.sku, quantity: '1.26', from: binA.code, to: binB.code }), 409, '/problems/insufficient-stock', ['/quantity']);
    expect(problem.shortfalls).toEqual([{ path: '/quantity', item: item.sku, location: binA.code, requested: '1.26', available: '1.25' }]);
    await expectRefused(api, move({ item: item.sku, quantity: 1, from: binB.code, to: binA.code }), 409, '/problems/insufficient-stock', ['/quantity']);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('1.25');
  });

  it('lets a location that allows negative stock go below zero', async () => {
    const item = await makeItem(api);
    const site = await makeLocation(api, 'site');
    const floor = await makeLocation(api, 'bin', site.code, { allowNegative: true });
    const shelf = await makeLocation(api, 'bin', site.code);
    await postMovement(api, { item: item.sku, quantity: 5, from: floor.code, to: shelf.code });
    expect(await onHandAt(api, item.sku, floor.code)).toBe('-5');
    expect(await onHandAt(api, item.sku, shelf.code)).toBe('5');
    await api.post('/api/v1/shipments', { location: floor.code, lines: [{ item: item.sku, quantity: 2 }] });
    expect(await onHandAt(api, item.sku, floor.code)).toBe('-7');
  });

  it('moves through virtual locations, which may go negative and stay out of stock figures', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    const made = await postMovement(api, { item: item.sku, quantity: 8, from: 'production', to: binA.code, kind: 'production' });
    expect(made).toMatchObject({ kind: 'production', from: { code: 'production' } });
    await postMovement(api, { item: item.sku, quantity: 3, from: binA.code, to: 'scrap', kind: 'scrap' });
    const stock = await api.get<{ total: { onHand: string }; locations: Array<{ location: { code: string } }> }>(`/api/v1/items/${item.sku}/stock`);
    expect(stock.total.onHand).toBe('5');
    expect(stock.locations.map((l) => l.location.code)).toEqual([binA.code]);
    await expectRefused(api, move({ item: item.sku, quantity: 1, from: binA.code, to: 'loss', kind: 'adjustment' }), 400, BAD, ['/reasonCode']);
    await expectRefused(api, move({ item: item.sku, quantity: 1, from: binA.code, to: 'loss', kind: 'adjustment', reasonCode: 'gremlins' }), 400, BAD, ['/reasonCode']);
    await expectRefused(api, move({ item: item.sku, quantity: 1, from: binA.code, to: 'loss', kind: 'teleport' }), 400, BAD, ['/kind']);
    expect((await postMovement(api, { item: item.sku, quantity: 1, from: binA.code, to: 'loss', kind: 'adjustment', reasonCode: 'damage' })).reasonCode).toBe('damage');
  });

  it('reverses a movement once, and never reverses a reversal', async () => {
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 6, '2.5');
    const original = await postMovement(api, { item: item.sku, quantity: 4, from: binA.code, to: binB.code });
    const response = await api.request('POST', `/api/v1/movements/${original.id}/reverse`, { note: 'wrong bin' });
    expect(response.statusCode).toBe(201);
    const reversal = response.json<{ id: string; kind: string; reversesId: string; from: { code: string }; to: { code: string }; quantity: string }>();
    expect(reversal).toMatchObject({ kind: 'reversal', reversesId: original.id, from: { code: binB.code }, to: { code: binA.code }, quantity: '4' });
    expect([await onHandAt(api, item.sku, binA.code), await onHandAt(api, item.sku, binB.code)]).toEqual(['6', '0']);
    await expectRefused(api, () => api.request('POST', `/api/v1/movements/${original.id}/reverse`, {}), 409, '/problems/conflict');
    await expectRefused(api, () => api.request('POST', `/api/v1/movements/${reversal.id}/reverse`, {}), 422, '/problems/rule-violation');
    await expectRefused(api, () => api.request('POST', '/api/v1/movements/NO-SUCH-ID/reverse', {}), 404, '/problems/not-found');
    expect(await api.get(`/api/v1/movements/${original.id}`)).toMatchObject({ quantity: '4', reversesId: null });
  });

  it('refuses to reverse a receipt whose stock has already left', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    const receipt = await api.post<PostingJson>('/api/v1/receipts', { location: binA.code, lines: [{ item: item.sku, quantity: 3 }] });
    await api.post('/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 2 }] });
    await expectRefused(api, () => api.request('POST', `/api/v1/movements/${receipt.movements[0]?.id}/reverse`, {}), 409, '/problems/insufficient-stock');
  });

  it('accepts backdated business time and refuses future or malformed times', async () => {
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 2);
    const backdated = await postMovement(api, { item: item.sku, quantity: 1, from: binA.code, to: binB.code, occurredAt: '2023-05-01T10:00:00+02:00' });
    expect(backdated.occurredAt).toBe('2023-05-01T08:00:00.000Z');
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    await expectRefused(api, move({ item: item.sku, quantity: 1, from: binA.code, to: binB.code, occurredAt: inAnHour }), 400, BAD, ['/occurredAt']);
    await expectRefused(api, move({ item: item.sku, quantity: 1, from: binA.code, to: binB.code, occurredAt: 'yesterday' }), 400, BAD, ['/occurredAt']);
    await expectRefused(api, batch([{ item: item.sku, quantity: 1, from: binA.code, to: binB.code, occurredAt: inAnHour }]), 400, BAD, ['/movements/0/occurredAt']);
  });

  it('writes a single movement with its audit row and stock.changed event, and a refused one with neither', async () => {
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 3);
    const posting = await api.post<PostingJson>('/api/v1/movements', { item: item.sku, quantity: '2', from: binA.code, to: binB.code });
    const audit = await api.get<{ data: Array<{ action: string; actor: { id: string }; details: unknown }> }>(`/api/v1/audit?entityType=posting&entityId=${posting.postingId}`);
    expect(audit.data).toEqual([expect.objectContaining({ action: 'movements.posted', actor: expect.objectContaining({ id: 'api-key:env-admin' }), details: { count: 1 } })]);
    expect((await eventsOfType(api, 'stock.changed')).filter((e) => e.postingId === posting.postingId)).toHaveLength(1);
    const refused = await expectRefused(api, move({ item: item.sku, quantity: '2', from: binA.code, to: binB.code }), 409, '/problems/insufficient-stock', ['/quantity']);
    expect(refused).toMatchObject({ shortfalls: [{ item: item.sku, location: binA.code, requested: '2', available: '1' }] });
  });

  it('posts single movements both ways between two bins at once, none lost to a deadlock', async () => {
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 100);
    await receiveStock(api, item.sku, binB.code, 100);
    const one = (from: string, to: string) => api.request('POST', '/api/v1/movements', { item: item.sku, quantity: '1', from, to });
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? one(binA.code, binB.code) : one(binB.code, binA.code))));
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 201));
    expect([await onHandAt(api, item.sku, binA.code), await onHandAt(api, item.sku, binB.code)]).toEqual(['100', '100']);
    await expectConsistent(api);
  });

  it('posts batches over the same rows in opposite orders at once, none lost to a deadlock', async () => {
    const [x, y] = [await makeItem(api), await makeItem(api)];
    const { binA, binB } = await makeWarehouse(api);
    for (const item of [x, y]) {
      await receiveStock(api, item.sku, binA.code, 100);
      await receiveStock(api, item.sku, binB.code, 100);
    }
    const line = (sku: string, from: string, to: string) => ({ item: sku, quantity: '1', from, to });
    const forth = [line(x.sku, binA.code, binB.code), line(y.sku, binA.code, binB.code)];
    const back = [line(y.sku, binB.code, binA.code), line(x.sku, binB.code, binA.code)];
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => batch(i % 2 === 0 ? forth : back)()));
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 201));
    for (const item of [x, y]) expect([await onHandAt(api, item.sku, binA.code), await onHandAt(api, item.sku, binB.code)]).toEqual(['100', '100']);
    await expectConsistent(api);
  });

  it('checks afresh what may have changed since an item or location was last posted: archived, allowed to go negative', async () => {
    const item = await makeItem(api);
    const { zone, binA, binB } = await makeWarehouse(api);
    const binC = await makeLocation(api, 'bin', zone.code);
    await receiveStock(api, item.sku, binA.code, 5);
    const one = (from: string, to: string, quantity = '1') => move({ item: item.sku, quantity, from, to });
    await postMovement(api, { item: item.sku, quantity: '1', from: binA.code, to: binB.code });
    await api.post(`/api/v1/items/${item.sku}/archive`);
    await expectRefused(api, one(binA.code, binB.code), 400, BAD, ['/item']);
    await api.post(`/api/v1/items/${item.sku}/restore`);
    await api.request('PATCH', `/api/v1/locations/${binA.code}`, { allowNegative: true });
    expect((await one(binA.code, binB.code, '10')()).statusCode).toBe(201);
    await api.request('PATCH', `/api/v1/locations/${binA.code}`, { allowNegative: false });
    await expectRefused(api, one(binA.code, binB.code), 409, '/problems/insufficient-stock', ['/quantity']);
    await postMovement(api, { item: item.sku, quantity: '1', from: binB.code, to: binC.code });
    await postMovement(api, { item: item.sku, quantity: '1', from: binC.code, to: binB.code });
    await api.post(`/api/v1/locations/${binC.code}/archive`);
    await expectRefused(api, one(binB.code, binC.code), 400, BAD, ['/to']);
    expect([await onHandAt(api, item.sku, binA.code), await onHandAt(api, item.sku, binB.code)]).toEqual(['-6', '11']);
  });

  it('reports exactly the short lines of a batch, and lets a line use what an earlier line of the batch brought in', async () => {
    const [a, b, c] = [await makeItem(api), await makeItem(api), await makeItem(api)];
    const { zone, binA, binB } = await makeWarehouse(api);
    const binC = await makeLocation(api, 'bin', zone.code);
    for (const item of [a, b, c]) await receiveStock(api, item.sku, binA.code, 3);
    const line = (item: string, quantity: number, from = binA.code, to = binB.code) => ({ item, quantity, from, to });
    // Lines that do not depend on each other (SQLite takes their debits in one statement).
    const short = await expectRefused(api, batch([line(a.sku, 3), line(b.sku, 4), line(c.sku, 1, binA.code, binC.code), line(c.sku, 5, binB.code, binC.code)]), 409, '/problems/insufficient-stock', ['/movements/1/quantity', '/movements/3/quantity']);
    expect(short.shortfalls?.map((f) => [f.path, f.available])).toEqual([['/movements/1/quantity', '3'], ['/movements/3/quantity', '0']]);
    // Two lines from one bin: the first takes, the second finds what is left.
    const twice = await expectRefused(api, batch([line(a.sku, 2), line(a.sku, 2)]), 409, '/problems/insufficient-stock', ['/movements/1/quantity']);
    expect(twice.shortfalls?.map((f) => [f.path, f.available])).toEqual([['/movements/1/quantity', '1']]);
    // A chain: bin B holds nothing of b until the first line brings it.
    expect((await batch([line(b.sku, 3), line(b.sku, 2, binB.code, binC.code), line(c.sku, 1)])()).statusCode).toBe(201);
    expect([await onHandAt(api, b.sku, binA.code), await onHandAt(api, b.sku, binB.code), await onHandAt(api, b.sku, binC.code)]).toEqual(['0', '1', '2']);
    expect(await onHandAt(api, a.sku, binA.code)).toBe('3');
  });

  it('posts concurrent single movements each as its own audited, announced posting, moving no more than there is', async () => {
    const [plenty, scarce] = [await makeItem(api), await makeItem(api)];
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, plenty.sku, binA.code, 100);
    await receiveStock(api, scarce.sku, binA.code, 7);
    const bodies = Array.from({ length: 40 }, (_, i) => ({ item: i % 2 === 0 ? plenty.sku : scarce.sku, quantity: '1', from: binA.code, to: binB.code, reference: `C-${i}` }));
    // Receipts from the supplier into a bin the item has never been in: the balance row is created once and credited by each.
    const receipts = Array.from({ length: 5 }, () => ({ item: scarce.sku, quantity: '2', from: 'supplier', to: binB.code, kind: 'receipt' }));
    const responses = await Promise.all([...bodies, ...receipts].map((body) => move(body)()));
    const posted = responses.filter((r) => r.statusCode === 201).map((r) => r.json<PostingJson>());
    const scarceMoves = bodies.filter((b, i) => b.item === scarce.sku && responses[i]?.statusCode === 201);
    expect(scarceMoves).toHaveLength(7);
    for (const refused of responses.filter((r) => r.statusCode !== 201)) expectProblem(refused, 409, '/problems/insufficient-stock', ['/quantity']);
    expect(posted).toHaveLength(20 + 7 + 5);
    expect(new Set(posted.map((p) => p.postingId)).size).toBe(posted.length);
    expect([await onHandAt(api, plenty.sku, binA.code), await onHandAt(api, plenty.sku, binB.code)]).toEqual(['80', '20']);
    expect([await onHandAt(api, scarce.sku, binA.code), await onHandAt(api, scarce.sku, binB.code)]).toEqual(['0', '17']);
    const ids = posted.map((p) => p.postingId);
    const audited = await api.db.store.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'movements.posted').where('entity_id', 'in', ids).execute();
    expect(audited.map((a) => a.entity_id).sort()).toEqual([...ids].sort());
    const announced = (await eventsOfType(api, 'stock.changed')).filter((e) => ids.includes(e.postingId as string));
    expect(announced).toHaveLength(posted.length);
    await expectConsistent(api);
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
