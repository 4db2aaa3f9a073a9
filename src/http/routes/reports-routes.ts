import * as reports from '../../reports/report-service.js';
import type { Api, Deps } from '../respond.js';
import { errorResponses, page } from '../schemas/common.js';
import { HistoryQuery, ItemStockEntry, ItemStockQuery, MovementsPerDay, StockHistory, StockSummary } from '../schemas/reports.js';

const tags = ['reports'];

export function reportRoutes(app: Api, { store }: Deps): void {
  app.get('/api/v1/reports/stock-summary', { schema: { tags, summary: 'Stock value and units, in total and per site, and how many items need reordering', response: { 200: StockSummary, ...errorResponses } } },
    async () => reports.stockSummary(store.db));

  app.get('/api/v1/reports/item-stock', { schema: { tags, summary: 'Items with their stock totals: searchable, sortable, paged', querystring: ItemStockQuery, response: { 200: page(ItemStockEntry), ...errorResponses } } },
    async (req) => reports.itemStockPage(store.db, req.query));

  app.get('/api/v1/reports/stock-history', { schema: { tags, summary: 'On hand at the end of each day, for one item or the business', querystring: HistoryQuery, response: { 200: StockHistory, ...errorResponses } } },
    async (req) => reports.stockHistory(store.db, req.query));

  app.get('/api/v1/reports/movements-per-day', { schema: { tags, summary: 'Movements per day by kind', querystring: HistoryQuery, response: { 200: MovementsPerDay, ...errorResponses } } },
    async (req) => reports.movementsPerDay(store.db, req.query));
}
