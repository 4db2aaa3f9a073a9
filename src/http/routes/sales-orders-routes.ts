import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommandResult } from '../../db/command.js';
import * as actions from '../../sales/order-actions-service.js';
import * as orders from '../../sales/order-service.js';
import * as views from '../../sales/order-view.js';
import * as shipments from '../../sales/shipment-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, page, RefParams } from '../schemas/common.js';
import { ActionBody, NewSalesOrderBody, SalesOrder, SalesOrderListQuery, ShipBody, ShipResult } from '../schemas/sales-orders.js';

const tags = ['sales'];
const base = '/api/v1/sales-orders';
const OrderParams = RefParams.extend({ ref: z.string().min(1).max(200).describe('Order id or number, e.g. SO-000123') });

/** A new order is 201; a repeat (same channel order id or Idempotency-Key) returns the existing one with 200. */
function created<T>(reply: FastifyReply, outcome: CommandResult<T>): T {
  return done(reply, outcome, outcome.replayed ? 200 : 201);
}

export function salesOrderRoutes(app: Api, { store }: Deps): void {
  app.post(base, { schema: { tags, summary: 'Create a sales order, reserving every line (or failing with 409, or backordering)', body: NewSalesOrderBody, response: { 200: SalesOrder, 201: SalesOrder, ...errorResponses } } },
    async (req, reply) => created(reply, await orders.createSalesOrder(store, contextOf(req), req.body)));

  app.get(base, { schema: { tags, summary: 'List sales orders, newest first', querystring: SalesOrderListQuery, response: { 200: page(SalesOrder), ...errorResponses } } },
    async (req) => views.listSalesOrders(store.db, req.query));

  app.get(`${base}/:ref`, { schema: { tags, summary: 'Get a sales order with its lines, holds and routing', params: OrderParams, response: { 200: SalesOrder, ...errorResponses } } },
    async (req) => views.getSalesOrder(store.db, req.params.ref));

  app.post(`${base}/:ref/ship`, { schema: { tags, summary: 'Ship held stock (all, or some lines and quantities): bin → customer', params: OrderParams, body: ShipBody, response: { 200: ShipResult, ...errorResponses } } },
    async (req, reply) => done(reply, await shipments.shipSalesOrder(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/deliver`, { schema: { tags, summary: 'Mark a shipped order delivered', params: OrderParams, body: ActionBody, response: { 200: SalesOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await actions.deliverSalesOrder(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/cancel`, { schema: { tags, summary: 'Cancel an order not yet shipped in full, releasing what it holds', params: OrderParams, body: ActionBody, response: { 200: SalesOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await actions.cancelSalesOrder(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/confirm`, { schema: { tags, summary: 'Make a checkout hold firm: the order no longer expires', params: OrderParams, body: ActionBody, response: { 200: SalesOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await actions.confirmSalesOrder(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/allocate`, { schema: { tags, summary: 'Try again to reserve backordered quantities', params: OrderParams, response: { 200: SalesOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await orders.allocateBackorders(store, contextOf(req), req.params.ref)));
}
