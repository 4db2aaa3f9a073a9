import { z } from 'zod';
import { adjust } from '../../operations/adjustment-service.js';
import * as posting from '../../operations/posting-service.js';
import { receive, ship } from '../../operations/receive-ship-service.js';
import * as transfers from '../../operations/transfer-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, IdParams, Note, page, PageQuery, Timestamp } from '../schemas/common.js';
import {
  AdjustBody, BatchBody, CommonBody, Movement, MovementBody, MovementListQuery, Posting, ReceiveBody, ShipBody, Transfer, TransferBody, TransferResult,
} from '../schemas/movements.js';

export function movementRoutes(app: Api, { store }: Deps): void {
  const tags = ['movements'];
  app.post('/api/v1/movements', { schema: { tags, summary: 'Post one movement between two locations', body: MovementBody, response: { 201: Posting, ...errorResponses } } },
    async (req, reply) => done(reply, await posting.postMovementBatch(store, contextOf(req), [req.body], ''), 201));

  app.post('/api/v1/movements/batch', { schema: { tags, summary: 'Post up to 1,000 movements atomically (all or nothing)', body: BatchBody, response: { 201: Posting, ...errorResponses } } },
    async (req, reply) => done(reply, await posting.postMovementBatch(store, contextOf(req), req.body.movements), 201));

  app.get('/api/v1/movements', { schema: { tags, summary: 'Ledger history with filters', querystring: MovementListQuery, response: { 200: page(Movement), ...errorResponses } } },
    async (req) => posting.listMovements(store.db, req.query));

  app.get('/api/v1/movements/:id', { schema: { tags, summary: 'Get one movement', params: IdParams, response: { 200: Movement, ...errorResponses } } },
    async (req) => posting.getMovement(store.db, req.params.id));

  app.post('/api/v1/movements/:id/reverse', { schema: { tags, summary: 'Correct a movement with a new, mirrored movement', params: IdParams, body: z.strictObject({ note: Note.optional(), occurredAt: Timestamp.optional() }).default({}), response: { 201: Movement, ...errorResponses } } },
    async (req, reply) => done(reply, await posting.reverseMovement(store, contextOf(req), req.params.id, req.body), 201));
}

export function operationRoutes(app: Api, { store }: Deps): void {
  const tags = ['operations'];
  app.post('/api/v1/receipts', { schema: { tags, summary: 'Receive goods from a supplier into a location', body: ReceiveBody, response: { 201: Posting, ...errorResponses } } },
    async (req, reply) => done(reply, await receive(store, contextOf(req), req.body), 201));

  app.post('/api/v1/shipments', { schema: { tags, summary: 'Ship goods from a sellable location to a customer', body: ShipBody, response: { 201: Posting, ...errorResponses } } },
    async (req, reply) => done(reply, await ship(store, contextOf(req), req.body), 201));

  app.post('/api/v1/adjustments', { schema: { tags, summary: 'Adjust stock by a delta or to a counted quantity, with a reason code', body: AdjustBody, response: { 201: Posting, ...errorResponses } } },
    async (req, reply) => done(reply, await adjust(store, contextOf(req), req.body), 201));
}

export function transferRoutes(app: Api, { store }: Deps): void {
  const tags = ['transfers'];
  app.post('/api/v1/transfers', { schema: { tags, summary: 'Transfer stock, immediately or two-step through transit', body: TransferBody, response: { 201: TransferResult, ...errorResponses } } },
    async (req, reply) => done(reply, await transfers.createTransfer(store, contextOf(req), req.body), 201));

  app.get('/api/v1/transfers', { schema: { tags, summary: 'List transfers', querystring: PageQuery.extend({ status: z.enum(['in_transit', 'received', 'cancelled']).optional(), location: z.string().max(200).optional() }), response: { 200: page(Transfer), ...errorResponses } } },
    async (req) => transfers.listTransfers(store.db, req.query));

  app.get('/api/v1/transfers/:id', { schema: { tags, summary: 'Get a transfer', params: IdParams, response: { 200: Transfer, ...errorResponses } } },
    async (req) => transfers.getTransfer(store.db, req.params.id));

  app.post('/api/v1/transfers/:id/receive', { schema: { tags, summary: 'Receive a two-step transfer at its destination', params: IdParams, body: CommonBody.default({}), response: { 200: TransferResult, ...errorResponses } } },
    async (req, reply) => done(reply, await transfers.receiveTransfer(store, contextOf(req), req.params.id, req.body)));

  app.post('/api/v1/transfers/:id/cancel', { schema: { tags, summary: 'Return a two-step transfer from transit to its origin', params: IdParams, body: CommonBody.default({}), response: { 200: TransferResult, ...errorResponses } } },
    async (req, reply) => done(reply, await transfers.cancelTransfer(store, contextOf(req), req.params.id, req.body)));
}
