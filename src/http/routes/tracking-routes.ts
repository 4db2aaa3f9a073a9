import * as lots from '../../tracking/lot-query-service.js';
import * as serials from '../../tracking/serial-service.js';
import type { Api, Deps } from '../respond.js';
import { errorResponses, IdParams, page } from '../schemas/common.js';
import { ExpiringQuery, Lot, LotListQuery, LotTrace, Serial, SerialDetail, SerialListQuery, SerialParams } from '../schemas/tracking.js';

export function trackingRoutes(app: Api, { store }: Deps): void {
  const tags = ['tracking'];
  app.get('/api/v1/lots', { schema: { tags, summary: 'Lots by expiry, with on hand per location', querystring: LotListQuery, response: { 200: page(Lot), ...errorResponses } } },
    async (req) => lots.listLots(store.db, req.query));

  app.get('/api/v1/lots/expiring', { schema: { tags, summary: 'Expiry alerts: lots with stock expiring within N days, and expired ones with stock', querystring: ExpiringQuery, response: { 200: page(Lot), ...errorResponses } } },
    async (req) => lots.expiringLots(store.db, req.query));

  app.get('/api/v1/lots/:id', { schema: { tags, summary: 'One lot: dates, on hand and reserved per location', params: IdParams, response: { 200: Lot, ...errorResponses } } },
    async (req) => lots.getLot(store.db, req.params.id));

  app.get('/api/v1/lots/:id/trace', { schema: { tags, summary: 'Recall: every movement of the lot, where units went and what remains', params: IdParams, response: { 200: LotTrace, ...errorResponses } } },
    async (req) => lots.traceLot(store.db, req.params.id));

  app.get('/api/v1/serials', { schema: { tags, summary: 'Serial numbers and where each unit is', querystring: SerialListQuery, response: { 200: page(Serial), ...errorResponses } } },
    async (req) => serials.listSerials(store.db, req.query));

  app.get('/api/v1/items/:ref/serials/:serial', { schema: { tags, summary: 'One unit: where it is and its history', params: SerialParams, response: { 200: SerialDetail, ...errorResponses } } },
    async (req) => serials.getSerial(store.db, req.params.ref, req.params.serial));
}
