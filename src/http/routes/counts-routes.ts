import { z } from 'zod';
import { approveCount } from '../../counting/count-approval-service.js';
import { enterCounts, recountLines, submitCount } from '../../counting/count-entry-service.js';
import { getCount, listCounts } from '../../counting/count-query-service.js';
import { cancelCount, createCount, startCount } from '../../counting/count-service.js';
import { createReasonCode, listReasonCodes, renameReasonCode, setReasonCodeArchived } from '../../counting/reason-codes.js';
import { shrinkageReport } from '../../counting/shrinkage-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, page } from '../schemas/common.js';
import {
  ApproveBody, CancelBody, Count, CountListQuery, CountSummary, EntriesBody, NewCountBody, NewReasonCodeBody, ReasonCode, ReasonCodeListQuery, ReasonCodeParams,
  RecountBody, RenameReasonCodeBody, ShrinkageQuery, ShrinkageReport, SubmitBody,
} from '../schemas/counts.js';

const tags = ['counting'];
const base = '/api/v1/counts';
const CountParams = z.object({ ref: z.string().min(1).max(200).describe('Count id or number, e.g. CC-000123') });
const countResponse = { 200: Count, ...errorResponses };

export function countRoutes(app: Api, { store }: Deps): void {
  app.post(base, { schema: { tags, summary: 'Create a draft count for bins, items, a whole site, items not counted in N days, or ABC-due items', body: NewCountBody, response: { 201: Count, ...errorResponses } } },
    async (req, reply) => done(reply, await createCount(store, contextOf(req), req.body), 201));

  app.get(base, { schema: { tags, summary: 'List counts, newest first', querystring: CountListQuery, response: { 200: page(CountSummary), ...errorResponses } } },
    async (req) => listCounts(store.db, req.query));

  app.get(`${base}/:ref`, { schema: { tags, summary: 'A count with its lines (expected figures hidden from counters on a blind count)', params: CountParams, response: countResponse } },
    async (req) => getCount(store.db, req.params.ref, contextOf(req).actor));

  app.post(`${base}/:ref/start`, { schema: { tags, summary: 'Start counting: snapshot the expected quantity of every item × location (× lot; with the serials there) in scope', params: CountParams, response: countResponse } },
    async (req, reply) => done(reply, await startCount(store, contextOf(req), req.params.ref)));

  app.post(`${base}/:ref/entries`, { schema: { tags, summary: 'Enter counted quantities per item × location (by id, SKU or barcode), per lot for lot-tracked items, as scanned serials for serial-tracked ones', params: CountParams, body: EntriesBody, response: countResponse } },
    async (req, reply) => done(reply, await enterCounts(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/submit`, { schema: { tags, summary: 'Counting is done: send the count to review', params: CountParams, body: SubmitBody, response: countResponse } },
    async (req, reply) => done(reply, await submitCount(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/recount`, { schema: { tags, summary: 'Send chosen lines back to be counted again', params: CountParams, body: RecountBody, response: countResponse } },
    async (req, reply) => done(reply, await recountLines(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/approve`, { schema: { tags, summary: 'Approve and post the variances to/from loss, per lot and per serial (beyond the thresholds: admin only)', params: CountParams, body: ApproveBody, response: countResponse } },
    async (req, reply) => done(reply, await approveCount(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/cancel`, { schema: { tags, summary: 'Cancel a count that is not approved; nothing is posted', params: CountParams, body: CancelBody, response: countResponse } },
    async (req, reply) => done(reply, await cancelCount(store, contextOf(req), req.params.ref, req.body)));

  app.get('/api/v1/reports/shrinkage', { schema: { tags: ['reports'], summary: 'Stock lost and found (to/from loss and scrap) by reason, location, item or day, in units and value', querystring: ShrinkageQuery, response: { 200: ShrinkageReport, ...errorResponses } } },
    async (req) => shrinkageReport(store.db, req.query));
}

export function reasonCodeRoutes(app: Api, { store }: Deps): void {
  const codes = '/api/v1/reason-codes';
  app.get(codes, { schema: { tags, summary: 'Reason codes for adjustments (archived ones on request)', querystring: ReasonCodeListQuery, response: { 200: z.object({ data: z.array(ReasonCode) }), ...errorResponses } } },
    async (req) => ({ data: await listReasonCodes(store.db, req.query.includeArchived ?? false) }));

  app.post(codes, { config: { access: 'admin' }, schema: { tags, summary: 'Add a reason code', body: NewReasonCodeBody, response: { 201: ReasonCode, ...errorResponses } } },
    async (req, reply) => done(reply, await createReasonCode(store, contextOf(req), req.body), 201));

  app.patch(`${codes}/:code`, { config: { access: 'admin' }, schema: { tags, summary: 'Rename a reason code (the code itself never changes)', params: ReasonCodeParams, body: RenameReasonCodeBody, response: { 200: ReasonCode, ...errorResponses } } },
    async (req, reply) => done(reply, await renameReasonCode(store, contextOf(req), req.params.code, req.body)));

  app.post(`${codes}/:code/archive`, { config: { access: 'admin' }, schema: { tags, summary: 'Archive a reason code: kept on past movements, refused for new ones', params: ReasonCodeParams, response: { 200: ReasonCode, ...errorResponses } } },
    async (req, reply) => done(reply, await setReasonCodeArchived(store, contextOf(req), req.params.code, true)));

  app.post(`${codes}/:code/restore`, { config: { access: 'admin' }, schema: { tags, summary: 'Restore an archived reason code', params: ReasonCodeParams, response: { 200: ReasonCode, ...errorResponses } } },
    async (req, reply) => done(reply, await setReasonCodeArchived(store, contextOf(req), req.params.code, false)));
}
