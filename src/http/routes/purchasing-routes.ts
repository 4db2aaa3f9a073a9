import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import * as exports from '../../purchasing/po-export-service.js';
import * as queries from '../../purchasing/po-query-service.js';
import * as orders from '../../purchasing/po-service.js';
import * as receipts from '../../purchasing/receipt-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, page, PageQuery, RefParams } from '../schemas/common.js';
import {
  ActionBody, csv, DiscrepancyEntry, DiscrepancyQuery, ExportQuery, html, LineChangesBody, NewLineBody, NewPurchaseOrderBody, PurchaseOrder,
  PurchaseOrderChangesBody, PurchaseOrderListQuery, PurchaseOrderSummary, Receipt, ReceiptResult, ReceiveBody, ReturnBody,
} from '../schemas/purchasing.js';

const tags = ['purchasing'];
const base = '/api/v1/purchase-orders';
const OrderParams = RefParams.extend({ ref: z.string().min(1).max(200).describe('Order id or number, e.g. PO-000123') });
const LineParams = OrderParams.extend({ lineId: z.string().min(1).max(200) });

/** A part of an export: the CSV as a download, and where the next part starts when more remain. */
function sendCsv(reply: FastifyReply, { csv: body, nextCursor }: { csv: string; nextCursor: string | null }) {
  if (nextCursor) reply.header('next-cursor', nextCursor);
  return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="purchase-orders.csv"').send(body);
}

/** The page needs nothing but its inline styles, so the browser is told to load and run nothing else. */
function sendHtml(reply: FastifyReply, page: string) {
  return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(page);
}

export function purchasingRoutes(app: Api, { store }: Deps): void {
  app.post(base, { schema: { tags, summary: 'Create a draft purchase order', body: NewPurchaseOrderBody, response: { 201: PurchaseOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await orders.createPurchaseOrder(store, contextOf(req), req.body), 201));

  app.get(base, { schema: { tags, summary: 'List purchase orders, newest first', querystring: PurchaseOrderListQuery, response: { 200: page(PurchaseOrderSummary), ...errorResponses } } },
    async (req) => queries.listPurchaseOrders(store.db, req.query));

  app.get(`${base}/export`, { schema: { tags, summary: 'Purchase orders as CSV (same filters as the list)', querystring: ExportQuery, response: { 200: csv, ...errorResponses } } },
    async (req, reply) => sendCsv(reply, await exports.exportPurchaseOrders(store.db, req.query)));

  app.get(`${base}/discrepancies`, { schema: { tags, summary: 'Lines received short, over or not ordered, across orders', querystring: DiscrepancyQuery, response: { 200: page(DiscrepancyEntry), ...errorResponses } } },
    async (req) => queries.listDiscrepancies(store.db, req.query));

  app.get(`${base}/:ref`, { schema: { tags, summary: 'Get a purchase order with its lines and discrepancies', params: OrderParams, response: { 200: PurchaseOrder, ...errorResponses } } },
    async (req) => queries.getPurchaseOrder(store.db, req.params.ref));

  app.get(`${base}/:ref/print`, { schema: { tags, summary: 'The order as a printable HTML page', params: OrderParams, response: { 200: html, ...errorResponses } } },
    async (req, reply) => sendHtml(reply, await exports.printPurchaseOrder(store.db, req.params.ref)));

  app.patch(`${base}/:ref`, { schema: { tags, summary: 'Change a draft’s site, expected date or notes', params: OrderParams, body: PurchaseOrderChangesBody, response: { 200: PurchaseOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await orders.updatePurchaseOrder(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/lines`, { schema: { tags, summary: 'Add a line to a draft', params: OrderParams, body: NewLineBody, response: { 201: PurchaseOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await orders.addLine(store, contextOf(req), req.params.ref, req.body), 201));

  app.patch(`${base}/:ref/lines/:lineId`, { schema: { tags, summary: 'Change a draft line', params: LineParams, body: LineChangesBody, response: { 200: PurchaseOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await orders.updateLine(store, contextOf(req), req.params.ref, req.params.lineId, req.body)));

  app.delete(`${base}/:ref/lines/:lineId`, { schema: { tags, summary: 'Remove a draft line', params: LineParams, response: { 200: PurchaseOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await orders.removeLine(store, contextOf(req), req.params.ref, req.params.lineId)));

  app.post(`${base}/:ref/lines/:lineId/close`, { schema: { tags, summary: 'Close a line short: the rest is no longer expected', params: LineParams, body: ActionBody, response: { 200: PurchaseOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await orders.closeLine(store, contextOf(req), req.params.ref, req.params.lineId, req.body)));

  app.post(`${base}/:ref/order`, { schema: { tags, summary: 'Send a draft to the supplier: it becomes ordered and incoming', params: OrderParams, body: ActionBody, response: { 200: PurchaseOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await orders.orderPurchaseOrder(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/cancel`, { schema: { tags, summary: 'Cancel an order nothing has been received for', params: OrderParams, body: ActionBody, response: { 200: PurchaseOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await orders.cancelPurchaseOrder(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/close`, { schema: { tags, summary: 'Close an order: nothing more is expected', params: OrderParams, body: ActionBody, response: { 200: PurchaseOrder, ...errorResponses } } },
    async (req, reply) => done(reply, await orders.closePurchaseOrder(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/receipts`, { schema: { tags, summary: 'Receive goods against the order (by line or scanned item)', params: OrderParams, body: ReceiveBody, response: { 201: ReceiptResult, ...errorResponses } } },
    async (req, reply) => done(reply, await receipts.receivePurchaseOrder(store, contextOf(req), req.params.ref, req.body), 201));

  app.get(`${base}/:ref/receipts`, { schema: { tags, summary: 'The order’s receipts and returns: who, when, what, where', params: OrderParams, querystring: PageQuery, response: { 200: page(Receipt), ...errorResponses } } },
    async (req) => queries.listReceipts(store.db, req.params.ref, req.query));

  app.post(`${base}/:ref/returns`, { schema: { tags, summary: 'Return received goods to the supplier', params: OrderParams, body: ReturnBody, response: { 201: ReceiptResult, ...errorResponses } } },
    async (req, reply) => done(reply, await receipts.returnToSupplier(store, contextOf(req), req.params.ref, req.body), 201));
}
