import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { as, countAction, countSetup, createCount, enter, lineFor, startedCount, type Count } from '../support/counting.js';
import { DIALECTS } from '../support/databases.js';
import { makeApiKey, makeItem, makeLocation, onHandAt, receiveStock, type ApiKeyJson, type MovementJson } from '../support/factories.js';
import { expectConsistent, expectProblem, expectRefused } from './assertions.js';

const BAD = '/problems/validation';

describe.each(DIALECTS)('cycle counts on %s', (dialect) => {
  let api: TestApi;
  let operator: ApiKeyJson;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    operator = await makeApiKey(api, 'operator');
  });
  afterAll(async () => api.close());

  const movementsOf = async (count: Count) =>
    (await api.get<{ data: MovementJson[] }>(`/api/v1/movements?documentType=count&documentId=${count.id}&order=asc&limit=100`)).data;

  it('snapshots the expected stock per item × bin when counting starts', async () => {
    const s = await countSetup(api);
    const draft = await createCount(api, { scope: { type: 'selection', site: s.site.code, bins: [s.binA.code, s.binB.code] }, note: 'Aisle 1' });
    expect(draft).toMatchObject({ status: 'draft', blind: true, note: 'Aisle 1', site: { code: s.site.code }, thresholds: { units: null, value: '100' }, lines: [] });
    expect(draft.number).toMatch(/^CC-\d{6}$/);
    // Stock received after the draft but before the start is part of the snapshot.
    await receiveStock(api, s.bolt.sku, s.binB.code, 1, '2.5');
    const started = await countAction(api, draft, 'start');
    expect(started.status).toBe('counting');
    expect(started.lines.map((l) => [l.item.sku, l.location.code, l.expected, l.counted])).toEqual(expect.arrayContaining([
      [s.bolt.sku, s.binA.code, '10', null], [s.bolt.sku, s.binB.code, '5', null], [s.rope.sku, s.binA.code, '20.5', null],
    ]));
    expect(started.lines).toHaveLength(3);
    expect(await api.get(`/api/v1/counts/${started.number}`)).toEqual(started);
  });

  it('compares against the ledger at entry time: a sale between entry and approval is not undone', async () => {
    const s = await countSetup(api);
    const count = await startedCount(api, s);
    // Stock arrives after the snapshot but before the entry: the counter sees it, so no variance.
    await receiveStock(api, s.bolt.sku, s.binB.code, 3, '2.5');
    const entered = await enter(api, count, [{ item: s.bolt.sku, location: s.binA.code, quantity: 8 }, { item: s.bolt.sku, location: s.binB.code, quantity: 7 }]);
    expect(lineFor(entered, s.bolt.sku, s.binA.code)).toMatchObject({ expected: '10', onHandAtCount: '10', counted: '8', variance: '-2', varianceValue: '5', needsApproval: false });
    expect(lineFor(entered, s.bolt.sku, s.binB.code)).toMatchObject({ expected: '4', onHandAtCount: '7', counted: '7', variance: '0' });
    // A sale between the entry and the approval.
    await api.post('/api/v1/shipments', { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 3 }] });
    await countAction(api, count, 'submit');
    const approved = await countAction(api, count, 'approve');
    expect(approved).toMatchObject({ status: 'approved', approvedBy: expect.any(String), postingId: expect.any(String) });
    // 10 − 3 sold − 2 missing: the shelf's 8 less the 3 sold since.
    expect(await onHandAt(api, s.bolt.sku, s.binA.code)).toBe('5');
    expect(await onHandAt(api, s.bolt.sku, s.binB.code)).toBe('7');
    expect(await onHandAt(api, s.rope.sku, s.binA.code)).toBe('20.5');
    const moves = await movementsOf(count);
    expect(moves.map((m) => [m.kind, m.from.code, m.to.code, m.quantity, m.reasonCode, m.unitCost, m.document?.type, m.postingId])).toEqual([
      ['adjustment', s.binA.code, 'loss', '2', 'count', '2.5', 'count', approved.postingId],
    ]);
    expect(lineFor(approved, s.rope.sku, s.binA.code)).toMatchObject({ counted: null, reasonCode: null });
    await expectConsistent(api);
  });

  it('an entry racing a sale reads the on hand either before or after it, never between, and approval keeps the sale', async () => {
    const s = await countSetup(api);
    const count = await startedCount(api, s, { blind: false, thresholds: {} });
    const [entry, sale] = await Promise.all([
      api.request('POST', `/api/v1/counts/${count.id}/entries`, { entries: [{ item: s.bolt.sku, location: s.binA.code, quantity: 9 }] }),
      api.request('POST', '/api/v1/shipments', { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 4 }] }),
    ]);
    expect(entry.statusCode, entry.body).toBe(200);
    expect(sale.statusCode, sale.body).toBe(201);
    const line = lineFor(entry.json<Count>(), s.bolt.sku, s.binA.code);
    expect(['10', '6']).toContain(line.onHandAtCount);
    await countAction(api, count, 'submit');
    await countAction(api, count, 'approve');
    // On hand now is 10 − 4 sold + (9 − on hand at the entry): counted 9, less the sale if it came after the entry.
    expect(await onHandAt(api, s.bolt.sku, s.binA.code)).toBe(line.onHandAtCount === '10' ? '5' : '9');
    await expectConsistent(api);
  });

  it('hides expected figures from counters on a blind count, not from a manager', async () => {
    const s = await countSetup(api);
    const count = await startedCount(api, s);
    const url = `/api/v1/counts/${count.id}`;
    const entered = await as(api, operator.key, 'POST', `${url}/entries`, { entries: [{ item: s.bolt.sku, location: s.binA.code, quantity: 9 }] });
    expect(entered.statusCode, entered.body).toBe(200);
    for (const view of [entered.json<Count>(), (await as(api, operator.key, 'GET', url)).json<Count>()]) {
      expect(view.figuresVisible).toBe(false);
      expect(view.totals).toMatchObject({ lines: 3, counted: 1, withVariance: null, needingApproval: null });
      for (const line of view.lines) expect(line).toMatchObject({ expected: null, onHandAtCount: null, variance: null, varianceValue: null, unitCost: null, needsApproval: null });
      expect(lineFor(view, s.bolt.sku, s.binA.code).counted).toBe('9');
    }
    const manager = await api.get<Count>(url);
    expect(manager.figuresVisible).toBe(true);
    expect(lineFor(manager, s.bolt.sku, s.binA.code)).toMatchObject({ expected: '10', onHandAtCount: '10', counted: '9', variance: '-1', countedBy: { id: `api-key:${operator.id}` } });
    // An open count shows everyone the figures.
    const open = await startedCount(api, s, { blind: false });
    const seen = (await as(api, operator.key, 'GET', `/api/v1/counts/${open.id}`)).json<Count>();
    expect(lineFor(seen, s.bolt.sku, s.binA.code).expected).toBe('10');
  });

  it('a variance beyond the threshold needs a manager or a recount; within it an operator approves', async () => {
    const s = await countSetup(api);
    const count = await startedCount(api, s, { thresholds: { units: 1 } });
    await enter(api, count, [{ item: s.bolt.sku, location: s.binA.code, quantity: 7 }, { item: s.rope.sku, location: s.binA.code, quantity: '20' }]);
    const review = await countAction(api, count, 'submit');
    expect(review.status).toBe('review');
    expect(review.totals).toEqual({ lines: 3, counted: 2, withVariance: 2, needingApproval: 1 });
    expect(lineFor(review, s.bolt.sku, s.binA.code).needsApproval).toBe(true);
    expect(lineFor(review, s.rope.sku, s.binA.code)).toMatchObject({ variance: '-0.5', varianceValue: '0.6', needsApproval: false });
    const approveAsOperator = () => as(api, operator.key, 'POST', `/api/v1/counts/${count.id}/approve`, {});
    const line = lineFor(review, s.bolt.sku, s.binA.code);
    await expectRefused(api, approveAsOperator, 422, '/problems/rule-violation', [`/lines/${line.lineNo - 1}`]);
    // A recount of the line: it goes back to counting, blind again, the first figure kept.
    const recount = await api.post<Count>(`/api/v1/counts/${count.id}/recount`, { lines: [line.id], note: 'check the back row' });
    expect(recount.status).toBe('counting');
    expect(lineFor(recount, s.bolt.sku, s.binA.code)).toMatchObject({ counted: null, previousCounted: '7', recounts: 1, variance: null });
    await enter(api, count, [{ item: s.bolt.sku, location: s.binA.code, quantity: 10 }]);
    await countAction(api, count, 'submit');
    const approved = await approveAsOperator();
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await onHandAt(api, s.bolt.sku, s.binA.code)).toBe('10');
    expect(await onHandAt(api, s.rope.sku, s.binA.code)).toBe('20');
    expect((await movementsOf(count)).map((m) => [m.from.code, m.to.code, m.quantity])).toEqual([[s.binA.code, 'loss', '0.5']]);

    // Beyond the value threshold (3 × 2.50 = 7.50 > 5): only an admin approves.
    const second = await startedCount(api, s, { thresholds: { value: '5' } });
    await enter(api, second, [{ item: s.bolt.sku, location: s.binB.code, quantity: 1 }]);
    await countAction(api, second, 'submit');
    expectProblem(await as(api, operator.key, 'POST', `/api/v1/counts/${second.id}/approve`, {}), 422, '/problems/rule-violation');
    const byAdmin = await countAction(api, second, 'approve', { reason: 'theft', note: 'confirmed on camera' });
    expect(byAdmin.status).toBe('approved');
    expect(await onHandAt(api, s.bolt.sku, s.binB.code)).toBe('1');
    expect((await movementsOf(second)).map((m) => [m.from.code, m.to.code, m.quantity, m.reasonCode])).toEqual([[s.binB.code, 'loss', '3', 'theft']]);
    await expectConsistent(api);
  });

  it('takes found items and repeat entries; gains come from loss with their own reason', async () => {
    const s = await countSetup(api);
    const count = await startedCount(api, s, { blind: false, thresholds: { units: null, value: null } });
    const barcode = '4006381333931';
    await api.post(`/api/v1/items/${s.rope.sku}/barcodes`, { code: barcode });
    await enter(api, count, [{ item: barcode, location: s.binB.code, quantity: '1.5' }, { item: s.bolt.id, location: s.binB.code, quantity: 2 }]);
    // A repeat replaces; with mode add it adds.
    await enter(api, count, [{ item: s.bolt.sku, location: s.binB.code, quantity: 3 }]);
    const entered = await enter(api, count, [{ item: s.rope.sku, location: s.binB.code, quantity: '0.25', mode: 'add' }]);
    const found = lineFor(entered, s.rope.sku, s.binB.code);
    expect(found).toMatchObject({ unplanned: true, expected: '0', onHandAtCount: '0', counted: '1.75', variance: '1.75' });
    expect(lineFor(entered, s.bolt.sku, s.binB.code)).toMatchObject({ counted: '3', variance: '-1' });
    await countAction(api, count, 'submit');
    const approved = await countAction(api, count, 'approve', { reason: 'data-error', lines: [{ line: found.id, reason: 'found' }] });
    expect(lineFor(approved, s.rope.sku, s.binB.code).reasonCode).toBe('found');
    const moves = await movementsOf(count);
    expect(moves.map((m) => [m.from.code, m.to.code, m.item.sku, m.quantity, m.reasonCode, m.reference]).sort()).toEqual([
      ['loss', s.binB.code, s.rope.sku, '1.75', 'found', count.number],
      [s.binB.code, 'loss', s.bolt.sku, '1', 'data-error', count.number],
    ].sort());
    expect(new Set(moves.map((m) => m.postingId)).size).toBe(1);
    await expectConsistent(api);
  });

  it('counts what nobody counted as zero when asked, and a cancelled count posts nothing', async () => {
    const s = await countSetup(api);
    const count = await startedCount(api, s, { thresholds: {} });
    await enter(api, count, [{ item: s.bolt.sku, location: s.binA.code, quantity: 10 }]);
    const review = await countAction(api, count, 'submit', { uncounted: 'zero' });
    expect(lineFor(review, s.rope.sku, s.binA.code)).toMatchObject({ counted: '0', variance: '-20.5' });
    await countAction(api, count, 'approve');
    expect(await onHandAt(api, s.rope.sku, s.binA.code)).toBe('0');
    expect(await onHandAt(api, s.bolt.sku, s.binB.code)).toBe('0');

    const other = await startedCount(api, s);
    await enter(api, other, [{ item: s.bolt.sku, location: s.binA.code, quantity: 1 }]);
    const cancelled = await countAction(api, other, 'cancel', { note: 'wrong aisle' });
    expect(cancelled.status).toBe('cancelled');
    expect(await movementsOf(other)).toEqual([]);
    expect(await onHandAt(api, s.bolt.sku, s.binA.code)).toBe('10');
    expectProblem(await api.request('POST', `/api/v1/counts/${other.id}/start`, {}), 409, '/problems/conflict');
  });

  it('refuses bad input at the field, changing nothing', async () => {
    const s = await countSetup(api);
    const elsewhere = await makeLocation(api, 'site');
    const otherBin = await makeLocation(api, 'bin', elsewhere.code);
    const create = (scope: Record<string, unknown>) => () => api.request('POST', '/api/v1/counts', { scope });
    await expectRefused(api, create({ type: 'selection', site: s.site.code, bins: [otherBin.code] }), 400, BAD, ['/scope/bins/0']);
    await expectRefused(api, create({ type: 'selection', site: s.binA.code, bins: [s.binA.code] }), 400, BAD, ['/scope/site']);
    await expectRefused(api, create({ type: 'selection', site: s.site.code, items: ['NO-SUCH'] }), 400, BAD, ['/scope/items/0']);
    await expectRefused(api, create({ type: 'selection', site: s.site.code }), 400, BAD, ['/scope']);
    await expectRefused(api, create({ type: 'not-counted', site: s.site.code, days: 0 }), 400, BAD, ['/scope/days']);
    await expectRefused(api, () => api.request('POST', '/api/v1/counts', { scope: { type: 'site', site: s.site.code }, thresholds: { units: '-1' } }), 400, BAD, ['/thresholds/units']);

    const count = await startedCount(api, s);
    const entries = (list: unknown[]) => () => api.request('POST', `/api/v1/counts/${count.id}/entries`, { entries: list });
    await expectRefused(api, entries([{ item: 'NO-SUCH', location: s.binA.code, quantity: 1 }]), 400, BAD, ['/entries/0/item']);
    await expectRefused(api, entries([{ item: s.bolt.sku, location: s.binA.code, quantity: 1 }, { item: s.rope.sku, location: s.binA.code, quantity: '1.005' }]), 400, BAD, ['/entries/1/quantity']);
    await expectRefused(api, entries([{ item: s.bolt.sku, location: s.binA.code, quantity: -1 }]), 400, BAD, ['/entries/0/quantity']);
    await expectRefused(api, entries([{ item: s.bolt.sku, location: otherBin.code, quantity: 1 }]), 400, BAD, ['/entries/0/location']);
    await expectRefused(api, entries([{ item: s.bolt.sku, location: 'loss', quantity: 1 }]), 400, BAD, ['/entries/0/location']);
    await expectRefused(api, entries([]), 400, BAD, ['/entries']);
    await expectRefused(api, () => api.request('POST', `/api/v1/counts/${count.id}/approve`, {}), 409, '/problems/conflict');
    const viewer = await makeApiKey(api, 'viewer');
    await expectRefused(api, () => as(api, viewer.key, 'POST', `/api/v1/counts/${count.id}/entries`, { entries: [{ item: s.bolt.sku, location: s.binA.code, quantity: 1 }] }), 403, '/problems/forbidden');

    await enter(api, count, [{ item: s.bolt.sku, location: s.binA.code, quantity: 9 }]);
    await countAction(api, count, 'submit');
    const approve = (body: Record<string, unknown>) => () => api.request('POST', `/api/v1/counts/${count.id}/approve`, body);
    await expectRefused(api, approve({ reason: 'no-such-reason' }), 400, BAD, ['/reason']);
    await expectRefused(api, approve({ lines: [{ line: 'nope', reason: 'theft' }] }), 400, BAD, ['/lines/0/line']);
    await expectRefused(api, () => api.request('POST', `/api/v1/counts/${count.id}/recount`, { lines: ['nope'] }), 400, BAD, ['/lines/0']);
    expectProblem(await api.request('GET', '/api/v1/counts/CC-999999'), 404, '/problems/not-found');
  });

  /** The count setup plus milk in two lots at bin A (a third lot elsewhere in the site) and phones by serial at both bins. */
  const trackedSetup = async () => {
    const s = await countSetup(api);
    const binC = await makeLocation(api, 'bin', s.site.code);
    const milk = await makeItem(api, { name: 'Milk', tracking: 'lot' });
    const phone = await makeItem(api, { name: 'Phone', tracking: 'serial' });
    const receive = (location: string, line: Record<string, unknown>) => api.post('/api/v1/receipts', { location, lines: [{ unitCost: '2', ...line }] });
    await receive(s.binA.code, { item: milk.sku, quantity: 6, lot: { number: 'L1', expiresOn: '2030-01-31' } });
    await receive(s.binA.code, { item: milk.sku, quantity: 4, lot: { number: 'L2', expiresOn: '2030-03-31' } });
    await receive(binC.code, { item: milk.sku, quantity: 2, lot: { number: 'L3' } });
    await receive(s.binA.code, { item: phone.sku, quantity: 3, serials: ['SN-1', 'SN-2', 'SN-3'], unitCost: '100' });
    await receive(s.binB.code, { item: phone.sku, quantity: 1, serials: ['SN-4'], unitCost: '100' });
    return { ...s, binC, milk, phone };
  };
  const lotLine = (count: Count, sku: string, bin: string, lot: string) => {
    const line = count.lines.find((l) => l.item.sku === sku && l.location.code === bin && l.lot?.number === lot);
    if (!line) throw new Error(`${count.number} has no line for ${sku} lot ${lot} at ${bin}`);
    return line;
  };
  const lotOnHand = async (sku: string) => {
    const lots = await api.get<{ data: Array<{ number: string; locations: Array<{ location: { code: string }; onHand: string }> }> }>(`/api/v1/lots?item=${sku}&limit=100`);
    return Object.fromEntries(lots.data.flatMap((lot) => lot.locations.map((l) => [`${lot.number}@${l.location.code}`, l.onHand])));
  };
  const serialPlaces = async (sku: string) => {
    const serials = await api.get<{ data: Array<{ serialNumber: string; location: { code: string } }> }>(`/api/v1/serials?item=${sku}&limit=100`);
    return Object.fromEntries(serials.data.map((s) => [s.serialNumber, s.location.code]));
  };

  it('counts lot-tracked stock per lot and serial-tracked stock by serial; approval posts per lot and per serial', async () => {
    const s = await trackedSetup();
    const count = await startedCount(api, s, { thresholds: {} });
    expect(count.lines.filter((l) => l.item.sku === s.milk.sku).map((l) => [l.location.code, l.lot?.number, l.lot?.expiresOn, l.expected])).toEqual(expect.arrayContaining([
      [s.binA.code, 'L1', '2030-01-31', '6'], [s.binA.code, 'L2', '2030-03-31', '4'],
    ]));
    expect(count.lines.filter((l) => l.item.sku === s.milk.sku)).toHaveLength(2);
    const manager = await api.get<Count>(`/api/v1/counts/${count.id}`);
    expect(lineFor(manager, s.phone.sku, s.binA.code)).toMatchObject({ expected: '3', lot: null, item: { tracking: 'serial' }, serials: { expected: ['SN-1', 'SN-2', 'SN-3'], counted: [], missing: null } });
    expect(lineFor(manager, s.phone.sku, s.binB.code).serials?.expected).toEqual(['SN-4']);
    // A blind count hides the expected serials from a counter, as it hides quantities.
    const blind = (await as(api, operator.key, 'GET', `/api/v1/counts/${count.id}`)).json<Count>();
    expect(lineFor(blind, s.phone.sku, s.binA.code)).toMatchObject({ expected: null, serials: { expected: null, counted: [], missing: null, unexpected: null } });

    // Movements during the count, before the entries: one of lot L1 and the unit SN-3 are sold.
    await api.post('/api/v1/shipments', { location: s.binA.code, lines: [{ item: s.milk.sku, quantity: 1, lot: 'L1' }, { item: s.phone.sku, quantity: 1, serials: ['SN-3'] }] });
    const entered = await as(api, operator.key, 'POST', `/api/v1/counts/${count.id}/entries`, { entries: [
      { item: s.milk.sku, location: s.binA.code, lot: 'L1', quantity: 5 },
      { item: s.milk.sku, location: s.binA.code, lot: 'L2', quantity: 3 },
      { item: s.milk.sku, location: s.binA.code, lot: 'L3', quantity: 1 },
      { item: s.phone.sku, location: s.binA.code, serials: ['SN-1', 'SN-4'] },
      { item: s.phone.sku, location: s.binB.code, serials: [] },
    ] });
    expect(entered.statusCode, entered.body).toBe(200);
    // A second pass adds a unit nobody has ever recorded.
    const added = (await as(api, operator.key, 'POST', `/api/v1/counts/${count.id}/entries`, { entries: [{ item: s.phone.sku, location: s.binA.code, serials: ['SN-NEW', 'SN-1'], mode: 'add' }] })).json<Count>();
    expect(lineFor(added, s.phone.sku, s.binA.code)).toMatchObject({ counted: '3', expected: null, serials: { counted: ['SN-1', 'SN-4', 'SN-NEW'], expected: null, missing: null, unexpected: null } });
    // …and after the entries another L1 is sold: approval keeps that sale.
    await api.post('/api/v1/shipments', { location: s.binA.code, lines: [{ item: s.milk.sku, quantity: 1, lot: 'L1' }] });

    const review = await countAction(api, count, 'submit');
    expect(lotLine(review, s.milk.sku, s.binA.code, 'L1')).toMatchObject({ expected: '6', onHandAtCount: '5', counted: '5', variance: '0' });
    expect(lotLine(review, s.milk.sku, s.binA.code, 'L2')).toMatchObject({ onHandAtCount: '4', counted: '3', variance: '-1', varianceValue: '2' });
    expect(lotLine(review, s.milk.sku, s.binA.code, 'L3')).toMatchObject({ unplanned: true, expected: '0', onHandAtCount: '0', variance: '1' });
    expect(lineFor(review, s.phone.sku, s.binA.code)).toMatchObject({
      onHandAtCount: '2', counted: '3', variance: '1', varianceValue: '300',
      serials: { expected: ['SN-1', 'SN-2', 'SN-3'], counted: ['SN-1', 'SN-4', 'SN-NEW'], missing: ['SN-2'], unexpected: ['SN-4', 'SN-NEW'] },
    });
    expect(lineFor(review, s.phone.sku, s.binB.code)).toMatchObject({ counted: '0', variance: '-1', serials: { missing: ['SN-4'], unexpected: [] } });
    const approved = await countAction(api, count, 'approve');

    expect(await lotOnHand(s.milk.sku)).toMatchObject({ [`L1@${s.binA.code}`]: '4', [`L2@${s.binA.code}`]: '3', [`L3@${s.binA.code}`]: '1', [`L3@${s.binC.code}`]: '2' });
    expect(await onHandAt(api, s.milk.sku, s.binA.code)).toBe('8');
    // SN-2 is written off; SN-4 was on the wrong shelf: it moves from bin B (a unit is in one place) rather than being lost there and found here.
    expect(await serialPlaces(s.phone.sku)).toEqual({ 'SN-1': s.binA.code, 'SN-2': 'loss', 'SN-3': 'customer', 'SN-4': s.binA.code, 'SN-NEW': s.binA.code });
    expect(await onHandAt(api, s.phone.sku, s.binA.code)).toBe('3');
    expect(await onHandAt(api, s.phone.sku, s.binB.code)).toBe('0');
    const moves = await movementsOf(count);
    expect(moves.every((m) => m.postingId === approved.postingId && m.reasonCode === 'count')).toBe(true);
    expect(moves.map((m) => [m.item.sku, m.kind, m.from.code, m.to.code, m.quantity, m.lot?.number ?? null, m.serials]).sort()).toEqual([
      [s.milk.sku, 'adjustment', 'loss', s.binA.code, '1', 'L3', []],
      [s.milk.sku, 'adjustment', s.binA.code, 'loss', '1', 'L2', []],
      [s.phone.sku, 'adjustment', 'loss', s.binA.code, '1', null, ['SN-NEW']],
      [s.phone.sku, 'adjustment', s.binA.code, 'loss', '1', null, ['SN-2']],
      [s.phone.sku, 'move', s.binB.code, s.binA.code, '1', null, ['SN-4']],
    ].sort());
    await expectConsistent(api);
  });

  it('a lot entry racing a sale of that lot reads the lot before or after it, never between', async () => {
    const s = await trackedSetup();
    const count = await startedCount(api, s, { thresholds: {} });
    const [entry, sale] = await Promise.all([
      api.request('POST', `/api/v1/counts/${count.id}/entries`, { entries: [{ item: s.milk.sku, location: s.binA.code, lot: 'L1', quantity: 5 }] }),
      api.request('POST', '/api/v1/shipments', { location: s.binA.code, lines: [{ item: s.milk.sku, quantity: 2, lot: 'L1' }] }),
    ]);
    expect(entry.statusCode, entry.body).toBe(200);
    expect(sale.statusCode, sale.body).toBe(201);
    const line = lotLine(entry.json<Count>(), s.milk.sku, s.binA.code, 'L1');
    expect(['6', '4']).toContain(line.onHandAtCount);
    await countAction(api, count, 'submit');
    await countAction(api, count, 'approve');
    // The shelf held 5 at the entry; a sale after it is kept.
    expect((await lotOnHand(s.milk.sku))[`L1@${s.binA.code}`]).toBe(line.onHandAtCount === '6' ? '3' : '5');
    await expectConsistent(api);
  });

  it('refuses bad tracked entries at the field, changing nothing', async () => {
    const s = await trackedSetup();
    const count = await startedCount(api, s);
    const entries = (list: unknown[]) => () => api.request('POST', `/api/v1/counts/${count.id}/entries`, { entries: list });
    await expectRefused(api, entries([{ item: s.milk.sku, location: s.binA.code, quantity: 6 }]), 400, BAD, ['/entries/0/lot']);
    await expectRefused(api, entries([{ item: s.milk.sku, location: s.binA.code, quantity: 6, lot: 'NO-SUCH' }]), 400, BAD, ['/entries/0/lot']);
    await expectRefused(api, entries([{ item: s.bolt.sku, location: s.binA.code, quantity: 6, lot: 'L1' }]), 400, BAD, ['/entries/0/lot']);
    await expectRefused(api, entries([{ item: s.bolt.sku, location: s.binA.code, quantity: 6, serials: ['X'] }]), 400, BAD, ['/entries/0/serials']);
    await expectRefused(api, entries([{ item: s.milk.sku, location: s.binA.code, lot: 'L1' }]), 400, BAD, ['/entries/0/quantity']);
    await expectRefused(api, entries([{ item: s.phone.sku, location: s.binA.code, quantity: 3 }]), 400, BAD, ['/entries/0/serials']);
    await expectRefused(api, entries([{ item: s.phone.sku, location: s.binA.code, serials: ['SN-1', 'SN-2', 'SN-1'] }]), 400, BAD, ['/entries/0/serials/2']);
    await expectRefused(api, entries([{ item: s.phone.sku, location: s.binA.code, serials: ['SN-1'], quantity: 2 }]), 400, BAD, ['/entries/0/quantity']);
    // One unit counted in two places on one count: the second is refused, in one request or later.
    await expectRefused(api, entries([{ item: s.phone.sku, location: s.binA.code, serials: ['SN-1'] }, { item: s.phone.sku, location: s.binB.code, serials: ['SN-4', 'SN-1'] }]), 409, '/problems/conflict', ['/entries/1/serials/1']);
    await enter(api, count, [{ item: s.phone.sku, location: s.binA.code, serials: ['SN-1'] }]);
    await expectRefused(api, entries([{ item: s.phone.sku, location: s.binB.code, serials: ['SN-1'] }]), 409, '/problems/conflict', ['/entries/0/serials/0']);
  });

  it('writes off every lot and serial nobody counted when asked, and a recount forgets the scanned serials', async () => {
    const s = await trackedSetup();
    const count = await createCount(api, { scope: { type: 'selection', site: s.site.code, items: [s.milk.sku, s.phone.sku] }, thresholds: {} });
    await countAction(api, count, 'start');
    const first = await enter(api, count, [{ item: s.phone.sku, location: s.binA.code, serials: ['SN-1', 'SN-2'] }]);
    await countAction(api, count, 'submit');
    const recount = await api.post<Count>(`/api/v1/counts/${count.id}/recount`, { lines: [lineFor(first, s.phone.sku, s.binA.code).id] });
    expect(lineFor(recount, s.phone.sku, s.binA.code)).toMatchObject({ counted: null, previousCounted: '2', serials: { counted: [], missing: null } });
    await enter(api, count, [{ item: s.phone.sku, location: s.binA.code, serials: ['SN-3'] }, { item: s.milk.sku, location: s.binA.code, lot: 'L2', quantity: 4 }]);
    const review = await countAction(api, count, 'submit', { uncounted: 'zero' });
    expect(lotLine(review, s.milk.sku, s.binC.code, 'L3')).toMatchObject({ counted: '0', onHandAtCount: '2', variance: '-2' });
    expect(lineFor(review, s.phone.sku, s.binB.code)).toMatchObject({ counted: '0', serials: { missing: ['SN-4'], unexpected: [] } });
    await countAction(api, count, 'approve');
    // Lots with nothing left list no location.
    expect(await lotOnHand(s.milk.sku)).toEqual({ [`L2@${s.binA.code}`]: '4' });
    expect(await serialPlaces(s.phone.sku)).toEqual({ 'SN-1': 'loss', 'SN-2': 'loss', 'SN-3': s.binA.code, 'SN-4': 'loss' });
    await expectConsistent(api);
  });

  it('approves once for one Idempotency-Key', async () => {
    const s = await countSetup(api);
    const count = await startedCount(api, s);
    await enter(api, count, [{ item: s.bolt.sku, location: s.binA.code, quantity: 6 }]);
    await countAction(api, count, 'submit');
    const key = { 'idempotency-key': `approve-${count.id}` };
    const first = await api.request('POST', `/api/v1/counts/${count.id}/approve`, {}, key);
    const second = await api.request('POST', `/api/v1/counts/${count.id}/approve`, {}, key);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await movementsOf(count)).toHaveLength(1);
    expect(await onHandAt(api, s.bolt.sku, s.binA.code)).toBe('6');
    expectProblem(await api.request('POST', `/api/v1/counts/${count.id}/approve`, { reason: 'theft' }, key), 422, '/problems/idempotency-key-reuse');
  });

  it('selects a whole site, items not counted in N days, and ABC-due items', async () => {
    const site = await makeLocation(api, 'site');
    const bin = await makeLocation(api, 'bin', site.code);
    // Values at the site: 100, 40, 30, 20, 10 → one A item (20% of 5), two B, two C.
    const items = await Promise.all([100, 40, 30, 20, 10].map(() => makeItem(api)));
    for (const [i, value] of [100, 40, 30, 20, 10].entries()) await receiveStock(api, (items[i] as { sku: string }).sku, bin.code, 1, String(value));
    const whole = await countAction(api, await createCount(api, { scope: { type: 'site', site: site.code } }), 'start');
    expect(whole.lines).toHaveLength(5);
    await countAction(api, whole, 'cancel');
    const [top, second] = items as unknown as [{ sku: string }, { sku: string }];
    const abcBefore = await countAction(api, await createCount(api, { scope: { type: 'abc', site: site.code } }), 'start');
    expect(abcBefore.lines).toHaveLength(5);
    await countAction(api, abcBefore, 'cancel');
    const counted = await countAction(api, await createCount(api, { scope: { type: 'selection', site: site.code, items: [top.sku, second.sku] } }), 'start');
    await enter(api, counted, [{ item: top.sku, location: bin.code, quantity: 1 }, { item: second.sku, location: bin.code, quantity: 1 }]);
    await countAction(api, counted, 'submit');
    await countAction(api, counted, 'approve');
    const skus = (c: Count) => c.lines.map((l) => l.item.sku).sort();
    const notCounted = await countAction(api, await createCount(api, { scope: { type: 'not-counted', site: site.code, days: 30 } }), 'start');
    expect(skus(notCounted)).toEqual(items.slice(2).map((i) => i.sku).sort());
    expect(notCounted.scope).toMatchObject({ type: 'not-counted', days: 30 });
    // The A item was counted today (due again in 30 days), so was one B item (due in 90): the rest are due.
    const abc = await countAction(api, await createCount(api, { scope: { type: 'abc', site: site.code } }), 'start');
    expect(skus(abc)).toEqual(items.slice(2).map((i) => i.sku).sort());
  });

  it('lists counts newest first, filtered by status and site, page by page', async () => {
    const s = await countSetup(api);
    const a = await createCount(api, { scope: { type: 'site', site: s.site.code } });
    const b = await startedCount(api, s);
    const page = await api.get<{ data: Count[]; nextCursor: string | null }>(`/api/v1/counts?site=${s.site.code}&limit=1`);
    expect(page.data.map((c) => c.number)).toEqual([b.number]);
    const next = await api.get<{ data: Count[] }>(`/api/v1/counts?site=${s.site.code}&limit=1&cursor=${page.nextCursor ?? ''}`);
    expect(next.data.map((c) => c.number)).toEqual([a.number]);
    const drafts = await api.get<{ data: Count[] }>(`/api/v1/counts?site=${s.site.code}&status=draft,review`);
    expect(drafts.data.map((c) => c.id)).toEqual([a.id]);
    expectProblem(await api.request('GET', '/api/v1/counts?status=open'), 400, BAD, ['/querystring/status/0']);
  });

  it('configures reason codes: add, rename, archive (refused for new adjustments), restore', async () => {
    const created = await api.post('/api/v1/reason-codes', { code: 'water-damage', name: 'Water' });
    expect(created).toEqual({ code: 'water-damage', name: 'Water', archived: false });
    const renamed = await api.request('PATCH', '/api/v1/reason-codes/water-damage', { name: 'Water damage' });
    expect(renamed.json()).toEqual({ code: 'water-damage', name: 'Water damage', archived: false });
    const list = await api.get<{ data: Array<{ code: string }> }>('/api/v1/reason-codes');
    expect(list.data.map((r) => r.code)).toEqual(expect.arrayContaining(['count', 'damage', 'theft', 'expired', 'found', 'data-error', 'water-damage']));
    expect(await api.post('/api/v1/reason-codes/water-damage/archive')).toMatchObject({ archived: true });
    expect((await api.get<{ data: Array<{ code: string }> }>('/api/v1/reason-codes')).data.map((r) => r.code)).not.toContain('water-damage');
    expect((await api.get<{ data: Array<{ code: string; archived: boolean }> }>('/api/v1/reason-codes?includeArchived=true')).data).toContainEqual({ code: 'water-damage', name: 'Water damage', archived: true });
    const s = await countSetup(api);
    await expectRefused(api, () => api.request('POST', '/api/v1/adjustments', { location: s.binA.code, reason: 'water-damage', lines: [{ item: s.bolt.sku, delta: '-1' }] }), 400, BAD, ['/reason']);
    await api.post('/api/v1/reason-codes/water-damage/restore');
    await api.post('/api/v1/adjustments', { location: s.binA.code, reason: 'water-damage', lines: [{ item: s.bolt.sku, delta: '-1' }] });
    expect(await onHandAt(api, s.bolt.sku, s.binA.code)).toBe('9');
    expectProblem(await api.request('PATCH', '/api/v1/reason-codes/no-such', { name: 'x' }), 404, '/problems/not-found');
    expectProblem(await as(api, operator.key, 'POST', '/api/v1/reason-codes/damage/archive'), 403, '/problems/forbidden');
    expectProblem(await api.request('POST', '/api/v1/reason-codes', { code: 'damage', name: 'again' }), 409, '/problems/conflict', ['/code']);
  });
});
