import { z } from 'zod';
import * as reservations from '../../operations/reservation-service.js';
import * as stock from '../../operations/stock-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, IdParams, Note, page, RefParams } from '../schemas/common.js';
import { Movement } from '../schemas/movements.js';
import { ConsumeBody, ItemStock, NewReservationBody, Reservation, ReservationListQuery, StockAsOfQuery, StockAsOfRow, StockQuery, StockRow } from '../schemas/stock.js';

export function stockRoutes(app: Api, { store }: Deps): void {
  const tags = ['stock'];
  app.get('/api/v1/stock', { schema: { tags, summary: 'Stock per item × location', querystring: StockQuery, response: { 200: page(StockRow), ...errorResponses } } },
    async (req) => stock.stockLevels(store.db, req.query));

  app.get('/api/v1/stock/as-of', { schema: { tags, summary: 'On hand at a past time, replayed from the ledger', querystring: StockAsOfQuery, response: { 200: page(StockAsOfRow), ...errorResponses } } },
    async (req) => stock.stockAsOf(store.db, req.query));

  app.get('/api/v1/items/:ref/stock', { schema: { tags, summary: 'One item’s stock per location, per site and in total', params: RefParams, response: { 200: ItemStock, ...errorResponses } } },
    async (req) => stock.itemStock(store.db, req.params.ref));
}

export function reservationRoutes(app: Api, { store }: Deps): void {
  const tags = ['reservations'];
  app.post('/api/v1/reservations', { schema: { tags, summary: 'Hold available stock (409 when not enough is available)', body: NewReservationBody, response: { 201: Reservation, ...errorResponses } } },
    async (req, reply) => done(reply, await reservations.createReservation(store, contextOf(req), req.body), 201));

  app.get('/api/v1/reservations', { schema: { tags, summary: 'List reservations', querystring: ReservationListQuery, response: { 200: page(Reservation), ...errorResponses } } },
    async (req) => reservations.listReservations(store.db, req.query));

  app.get('/api/v1/reservations/:id', { schema: { tags, summary: 'Get a reservation', params: IdParams, response: { 200: Reservation, ...errorResponses } } },
    async (req) => reservations.getReservation(store.db, req.params.id));

  app.post('/api/v1/reservations/:id/release', { schema: { tags, summary: 'Release a hold', params: IdParams, body: z.strictObject({ note: Note.optional() }).default({}), response: { 200: Reservation, ...errorResponses } } },
    async (req, reply) => done(reply, await reservations.releaseReservation(store, contextOf(req), req.params.id, req.body)));

  app.post('/api/v1/reservations/:id/consume', { schema: { tags, summary: 'Ship held stock to the customer', params: IdParams, body: ConsumeBody.default({}), response: { 200: z.object({ reservation: Reservation, movement: Movement.describe('The first movement (the only one unless the hold spans several lots)'), movements: z.array(Movement) }), ...errorResponses } } },
    async (req, reply) => done(reply, await reservations.consumeReservation(store, contextOf(req), req.params.id, req.body)));
}
