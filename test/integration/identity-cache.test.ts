import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identify } from '../../src/operations/identity-cache.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { makeItem, makeLocation, onHandAt, postMovement, receiveStock, unique } from '../support/factories.js';

/**
 * The per-process identity cache (src/operations/identity-cache.ts) must never hand one database
 * the ids of another: a process may hold several (tests, the bench), where one SKU or code names
 * different rows.
 */
describe('identity cache with two databases in one process', () => {
  let first: TestApi;
  let second: TestApi;
  beforeAll(async () => {
    [first, second] = await Promise.all([startTestApi('sqlite'), startTestApi('postgres')]);
  });
  afterAll(async () => Promise.all([first.close(), second.close()]));

  it('identifies the same SKU and codes as each database’s own rows', async () => {
    const sku = unique('TWIN');
    const [fromCode, toCode] = [unique('TWIN-A'), unique('TWIN-B')];
    const scenes = [];
    for (const api of [first, second]) {
      const item = await makeItem(api, { sku });
      const site = await makeLocation(api, 'site');
      const from = await makeLocation(api, 'bin', site.code, { code: fromCode });
      await makeLocation(api, 'bin', site.code, { code: toCode });
      await receiveStock(api, sku, fromCode, 5);
      scenes.push({ api, item, from });
    }
    for (const { api, item, from } of scenes) {
      await postMovement(api, { item: sku, quantity: '2', from: fromCode, to: toCode });
      const known = await identify(api.db.store.db, sku, fromCode);
      expect(known.item.id).toBe(item.id);
      expect(known.location.id).toBe(from.id);
      expect([await onHandAt(api, sku, fromCode), await onHandAt(api, sku, toCode)]).toEqual(['3', '2']);
    }
  });
});
