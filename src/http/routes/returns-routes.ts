import { z } from 'zod';
import { returnableOfOrder } from '../../sales/return-returnable.js';
import * as returns from '../../sales/return-service.js';
import * as steps from '../../sales/return-step-service.js';
import * as views from '../../sales/return-view.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, page, RefParams } from '../schemas/common.js';
import { DisposeBody, NewReturnBody, OrderReturnsQuery, ReceiveReturnBody, Return, ReturnActionBody, ReturnableLine, ReturnListQuery, ReturnStepResult, ReturnSummary } from '../schemas/returns.js';

const tags = ['returns'];
const base = '/api/v1/returns';
const ReturnParams = RefParams.extend({ ref: z.string().min(1).max(200).describe('Return id or RMA number, e.g. RMA-000123') });
const OrderParams = RefParams.extend({ ref: z.string().min(1).max(200).describe('Sales order id or number, e.g. SO-000123') });

export function returnRoutes(app: Api, { store }: Deps): void {
  app.post(base, { schema: { tags, summary: 'Authorise a customer return (RMA) against a sales order, or at a till without one', body: NewReturnBody, response: { 201: Return, ...errorResponses } } },
    async (req, reply) => done(reply, await returns.createReturn(store, contextOf(req), req.body), 201));

  app.get(base, { schema: { tags, summary: 'List returns, newest first', querystring: ReturnListQuery, response: { 200: page(ReturnSummary), ...errorResponses } } },
    async (req) => views.listReturns(store.db, req.query));

  app.get(`${base}/:ref`, { schema: { tags, summary: 'Get a return with its lines, history and movements', params: ReturnParams, response: { 200: Return, ...errorResponses } } },
    async (req) => views.getReturn(store.db, req.params.ref));

  app.post(`${base}/:ref/receive`, { schema: { tags, summary: 'Receive returned goods into quality control: customer → a not-sellable location', params: ReturnParams, body: ReceiveReturnBody, response: { 200: ReturnStepResult, ...errorResponses } } },
    async (req, reply) => done(reply, await steps.receiveReturn(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/dispose`, { schema: { tags, summary: 'Restock (quality control → a sellable bin) or scrap received units, with a reason', params: ReturnParams, body: DisposeBody, response: { 200: ReturnStepResult, ...errorResponses } } },
    async (req, reply) => done(reply, await steps.disposeReturn(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/cancel`, { schema: { tags, summary: 'Cancel a return nothing has arrived for', params: ReturnParams, body: ReturnActionBody, response: { 200: Return, ...errorResponses } } },
    async (req, reply) => done(reply, await returns.cancelReturn(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/close`, { schema: { tags, summary: 'Close a partially received return: the rest is no longer expected', params: ReturnParams, body: ReturnActionBody, response: { 200: Return, ...errorResponses } } },
    async (req, reply) => done(reply, await returns.closeReturn(store, contextOf(req), req.params.ref, req.body)));

  app.get('/api/v1/sales-orders/:ref/returns', { schema: { tags, summary: 'The returns of one sales order, newest first', params: OrderParams, querystring: OrderReturnsQuery, response: { 200: page(ReturnSummary), ...errorResponses } } },
    async (req) => views.listOrderReturns(store.db, req.params.ref, req.query));

  app.get('/api/v1/sales-orders/:ref/returnable', { schema: { tags, summary: 'What may still come back of each shipped line, by lot and serial for tracked items', params: OrderParams, response: { 200: z.object({ data: z.array(ReturnableLine) }), ...errorResponses } } },
    async (req) => ({ data: await returnableOfOrder(store.db, req.params.ref) }));
}
