import { z } from 'zod';
import * as items from '../../catalog/item-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, RefParams } from '../schemas/common.js';
import { BarcodeBody, Item, ItemChangesBody, ItemListQuery, NewItemBody } from '../schemas/items.js';
import { page } from '../schemas/common.js';

const tags = ['items'];

export function itemRoutes(app: Api, { store }: Deps): void {
  app.post('/api/v1/items', { schema: { tags, summary: 'Create an item', body: NewItemBody, response: { 201: Item, ...errorResponses } } },
    async (req, reply) => done(reply, await items.createItem(store, contextOf(req), req.body), 201));

  app.get('/api/v1/items', { schema: { tags, summary: 'List and search items', querystring: ItemListQuery, response: { 200: page(Item), ...errorResponses } } },
    async (req) => items.listItems(store.db, req.query));

  app.get('/api/v1/items/categories', { schema: { tags, summary: 'Categories in use', response: { 200: z.object({ data: z.array(z.string()) }), ...errorResponses } } },
    async () => ({ data: await items.listCategories(store.db) }));

  app.get('/api/v1/items/by-barcode/:code', { schema: { tags, summary: 'Find the item a barcode belongs to', params: z.object({ code: z.string().min(1).max(64) }), response: { 200: Item, ...errorResponses } } },
    async (req) => items.findItemByBarcode(store.db, req.params.code));

  app.get('/api/v1/items/:ref', { schema: { tags, summary: 'Get an item by id or SKU', params: RefParams, response: { 200: Item, ...errorResponses } } },
    async (req) => items.getItem(store.db, req.params.ref));

  app.patch('/api/v1/items/:ref', { schema: { tags, summary: 'Change an item', params: RefParams, body: ItemChangesBody, response: { 200: Item, ...errorResponses } } },
    async (req, reply) => done(reply, await items.updateItem(store, contextOf(req), req.params.ref, req.body)));

  app.post('/api/v1/items/:ref/archive', { schema: { tags, summary: 'Archive an item (hidden from lists, no new movements)', params: RefParams, response: { 200: Item, ...errorResponses } } },
    async (req, reply) => done(reply, await items.setItemArchived(store, contextOf(req), req.params.ref, true)));

  app.post('/api/v1/items/:ref/restore', { schema: { tags, summary: 'Bring an archived item back', params: RefParams, response: { 200: Item, ...errorResponses } } },
    async (req, reply) => done(reply, await items.setItemArchived(store, contextOf(req), req.params.ref, false)));

  app.post('/api/v1/items/:ref/barcodes', { schema: { tags, summary: 'Add a barcode (unique across items)', params: RefParams, body: BarcodeBody, response: { 201: Item, ...errorResponses } } },
    async (req, reply) => done(reply, await items.addBarcode(store, contextOf(req), req.params.ref, req.body), 201));

  app.delete('/api/v1/items/:ref/barcodes/:code', { schema: { tags, summary: 'Remove a barcode', params: RefParams.extend({ code: z.string().min(1).max(64) }), response: { 200: Item, ...errorResponses } } },
    async (req, reply) => done(reply, await items.removeBarcode(store, contextOf(req), req.params.ref, req.params.code)));
}
