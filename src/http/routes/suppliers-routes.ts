import { z } from 'zod';
import * as terms from '../../purchasing/supplier-item-service.js';
import * as suppliers from '../../purchasing/supplier-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, page, PageQuery, RefParams } from '../schemas/common.js';
import { NewSupplierBody, NewSupplierItemBody, Supplier, SupplierChangesBody, SupplierItem, SupplierItemChangesBody, SupplierListQuery } from '../schemas/suppliers.js';

const tags = ['suppliers'];
const TermsParams = RefParams.extend({ item: z.string().min(1).max(200).describe('Item id or SKU') });

export function supplierRoutes(app: Api, { store }: Deps): void {
  app.post('/api/v1/suppliers', { schema: { tags, summary: 'Create a supplier', body: NewSupplierBody, response: { 201: Supplier, ...errorResponses } } },
    async (req, reply) => done(reply, await suppliers.createSupplier(store, contextOf(req), req.body), 201));

  app.get('/api/v1/suppliers', { schema: { tags, summary: 'List and search suppliers', querystring: SupplierListQuery, response: { 200: page(Supplier), ...errorResponses } } },
    async (req) => suppliers.listSuppliers(store.db, req.query));

  app.get('/api/v1/suppliers/:ref', { schema: { tags, summary: 'Get a supplier by id or code', params: RefParams, response: { 200: Supplier, ...errorResponses } } },
    async (req) => suppliers.getSupplier(store.db, req.params.ref));

  app.patch('/api/v1/suppliers/:ref', { schema: { tags, summary: 'Change a supplier', params: RefParams, body: SupplierChangesBody, response: { 200: Supplier, ...errorResponses } } },
    async (req, reply) => done(reply, await suppliers.updateSupplier(store, contextOf(req), req.params.ref, req.body)));

  app.post('/api/v1/suppliers/:ref/archive', { schema: { tags, summary: 'Archive a supplier (no new orders; open ones carry on)', params: RefParams, response: { 200: Supplier, ...errorResponses } } },
    async (req, reply) => done(reply, await suppliers.setSupplierArchived(store, contextOf(req), req.params.ref, true)));

  app.post('/api/v1/suppliers/:ref/restore', { schema: { tags, summary: 'Bring an archived supplier back', params: RefParams, response: { 200: Supplier, ...errorResponses } } },
    async (req, reply) => done(reply, await suppliers.setSupplierArchived(store, contextOf(req), req.params.ref, false)));

  app.post('/api/v1/suppliers/:ref/items', { schema: { tags, summary: 'Add an item the supplier sells, with its terms (prices, minimum, pack size, lead time)', params: RefParams, body: NewSupplierItemBody, response: { 201: SupplierItem, ...errorResponses } } },
    async (req, reply) => done(reply, await terms.addSupplierItem(store, contextOf(req), req.params.ref, req.body), 201));

  app.get('/api/v1/suppliers/:ref/items', { schema: { tags, summary: 'The items a supplier sells, with their terms', params: RefParams, querystring: PageQuery, response: { 200: page(SupplierItem), ...errorResponses } } },
    async (req) => terms.listSupplierItems(store.db, req.params.ref, req.query));

  app.get('/api/v1/suppliers/:ref/items/:item', { schema: { tags, summary: 'A supplier’s terms for one item', params: TermsParams, response: { 200: SupplierItem, ...errorResponses } } },
    async (req) => terms.getSupplierItem(store.db, req.params.ref, req.params.item));

  app.patch('/api/v1/suppliers/:ref/items/:item', { schema: { tags, summary: 'Change a supplier’s terms for one item', params: TermsParams, body: SupplierItemChangesBody, response: { 200: SupplierItem, ...errorResponses } } },
    async (req, reply) => done(reply, await terms.updateSupplierItem(store, contextOf(req), req.params.ref, req.params.item, req.body)));

  app.delete('/api/v1/suppliers/:ref/items/:item', { schema: { tags, summary: 'Stop buying an item from this supplier (returns the removed terms)', params: TermsParams, response: { 200: SupplierItem, ...errorResponses } } },
    async (req, reply) => done(reply, await terms.removeSupplierItem(store, contextOf(req), req.params.ref, req.params.item)));

  app.get('/api/v1/items/:ref/suppliers', { schema: { tags, summary: 'Who sells an item: the preferred supplier first', params: RefParams, querystring: PageQuery, response: { 200: page(SupplierItem), ...errorResponses } } },
    async (req) => terms.listItemSuppliers(store.db, req.params.ref, req.query));
}
