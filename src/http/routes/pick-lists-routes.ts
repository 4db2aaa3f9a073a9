import { z } from 'zod';
import * as picking from '../../sales/pick-list-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, page, RefParams } from '../schemas/common.js';
import { NewPickListBody, PickConfirmBody, PickList, PickListListQuery } from '../schemas/sales-pick-lists.js';

const tags = ['sales'];
const base = '/api/v1/pick-lists';
const ListParams = RefParams.extend({ ref: z.string().min(1).max(200).describe('Pick list id or number, e.g. PL-000123') });

export function pickListRoutes(app: Api, { store }: Deps): void {
  app.post(base, { schema: { tags, summary: 'Create a pick list for one order or a wave; the orders move to picking', body: NewPickListBody, response: { 201: PickList, ...errorResponses } } },
    async (req, reply) => done(reply, await picking.createPickList(store, contextOf(req), req.body), 201));

  app.get(base, { schema: { tags, summary: 'List pick lists, newest first', querystring: PickListListQuery, response: { 200: page(PickList), ...errorResponses } } },
    async (req) => picking.listPickLists(store.db, req.query));

  app.get(`${base}/:ref`, { schema: { tags, summary: 'Get a pick list, lines in walking order', params: ListParams, response: { 200: PickList, ...errorResponses } } },
    async (req) => picking.getPickList(store.db, req.params.ref));

  app.post(`${base}/:ref/confirm`, { schema: { tags, summary: 'Confirm a pick by scan (item, bin, quantity); an over-pick is refused', params: ListParams, body: PickConfirmBody, response: { 200: PickList, ...errorResponses } } },
    async (req, reply) => done(reply, await picking.confirmPick(store, contextOf(req), req.params.ref, req.body)));

  app.post('/api/v1/sales-orders/:ref/pick', { schema: { tags, summary: 'Start picking one order: creates its pick list', params: RefParams, response: { 201: PickList, ...errorResponses } } },
    async (req, reply) => done(reply, await picking.createPickList(store, contextOf(req), { orders: [req.params.ref] }), 201));
}
