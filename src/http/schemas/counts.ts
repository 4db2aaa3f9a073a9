import { z } from 'zod';
import { MAX_ENTRIES } from '../../counting/count-entry-service.js';
import { MAX_LINE_SERIALS } from '../../counting/count-line-stock.js';
import { SHRINKAGE_GROUPS } from '../../counting/shrinkage-repository.js';
import { booleanQuery, Money, Note, PageQuery, Place, Quantity, QuantityText, Timestamp } from './common.js';

const Status = z.enum(['draft', 'counting', 'review', 'approved', 'cancelled']);
const Named = Place.extend({ name: z.string() });
const Actor = z.object({ id: z.string(), name: z.string() });
const Code = z.string().min(1).max(200);
const ReasonRef = z.string().min(1).max(50).describe('A reason code (GET /api/v1/reason-codes)');

const Scope = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('selection'), site: Code.describe('Site id or code'),
    bins: z.array(Code).max(1000).optional().describe('Locations of the site (with everything under them); all of the site when left out'),
    items: z.array(Code).max(1000).optional().describe('Items (id or SKU); every item with stock when left out'),
  }).describe('Chosen bins and/or items'),
  z.strictObject({ type: z.literal('site'), site: Code }).describe('Every item × location of the site with stock'),
  z.strictObject({ type: z.literal('not-counted'), site: Code, days: z.number().int().min(1).max(3650) }).describe('Items not counted at the site in the last N days'),
  z.strictObject({ type: z.literal('abc'), site: Code }).describe('Items due by ABC class: A (top 20% by value) every 30 days, B (next 30%) every 90, C every 180'),
]);

export const NewCountBody = z.strictObject({
  scope: Scope,
  blind: z.boolean().default(true).describe('Hide expected quantities from counters (default); managers see them in review'),
  thresholds: z.strictObject({
    units: Quantity.nullish().describe('A variance of more units than this needs a manager; no unit limit when left out'),
    value: Money.nullish().describe('A variance worth more than this (|variance| × last unit cost) needs a manager'),
  }).optional().describe('Without thresholds, a variance worth more than 100 needs a manager'),
  note: Note.optional(),
});

const summaryShape = {
  id: z.string(), number: z.string().describe('CC-000123'), status: Status, site: Named,
  scope: z.object({ type: z.enum(['selection', 'site', 'not-counted', 'abc']), bins: z.array(z.string()), items: z.array(z.string()), days: z.number().int().nullable() }),
  blind: z.boolean(), thresholds: z.object({ units: z.string().nullable(), value: z.string().nullable() }), note: z.string().nullable(),
  postingId: z.string().nullable().describe('The ledger posting of the adjustments, once approved'),
  createdBy: Actor, createdAt: z.string(), updatedAt: z.string(), startedAt: z.string().nullable(), submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(), approvedBy: z.string().nullable(), cancelledAt: z.string().nullable(),
};
export const CountSummary = z.object(summaryShape).meta({ id: 'CountSummary' });

const hidden = ' (null when the count is blind and the reader is not a manager)';
export const CountLine = z.object({
  id: z.string(), lineNo: z.number().int(),
  item: z.object({ id: z.string(), sku: z.string(), name: z.string(), unit: z.string(), tracking: z.enum(['none', 'lot', 'serial']) }), location: Place,
  lot: z.object({ id: z.string(), number: z.string(), expiresOn: z.string().nullable() }).nullable().describe('The lot this line counts (lot-tracked items: one line per lot)'),
  serials: z.object({
    counted: z.array(z.string()).describe('Serial numbers scanned'),
    expected: z.array(z.string()).nullable().describe(`At the location when counting started${hidden}`),
    missing: z.array(z.string()).nullable().describe(`At the location when the entry was made, not scanned: written off to loss on approval${hidden}`),
    unexpected: z.array(z.string()).nullable().describe(`Scanned, not at the location when the entry was made: moved here on approval from where the ledger has them (new serials from loss)${hidden}`),
  }).nullable().describe('Serial-tracked items only'),
  unplanned: z.boolean().describe('Found by a counter, not expected'), counted: QuantityText.nullable(), countedAt: z.string().nullable(), countedBy: Actor.nullable(),
  recounts: z.number().int(), previousCounted: QuantityText.nullable().describe('Counted before the last recount'), reasonCode: z.string().nullable(),
  expected: QuantityText.nullable().describe(`On hand when counting started${hidden}`),
  onHandAtCount: QuantityText.nullable().describe(`The ledger’s on hand when the entry was made${hidden}`),
  variance: QuantityText.nullable().describe(`counted − onHandAtCount${hidden}`),
  unitCost: z.string().nullable(),
  varianceValue: z.string().nullable().describe(`|variance| × last unit cost; for a serial line, every missing and unexpected serial × cost${hidden}`),
  needsApproval: z.boolean().nullable().describe(`Beyond the thresholds${hidden}`),
}).meta({ id: 'CountLine' });

export const Count = z.object({
  ...summaryShape,
  figuresVisible: z.boolean().describe('Whether this reader sees expected figures and variances'),
  totals: z.object({ lines: z.number().int(), counted: z.number().int(), withVariance: z.number().int().nullable(), needingApproval: z.number().int().nullable() }),
  lines: z.array(CountLine),
}).meta({ id: 'Count' });

const StatusList = z.string().max(200).transform((text) => text.split(',').map((s) => s.trim())).pipe(z.array(Status).min(1))
  .describe('A status, or several separated by commas, e.g. `counting,review`');

export const CountListQuery = PageQuery.extend({ status: StatusList.optional(), site: z.string().max(200).optional().describe('Site id or code') });

export const EntriesBody = z.strictObject({
  entries: z.array(z.strictObject({
    item: Code.describe('Item id, SKU or a scanned barcode'), location: Code.describe('Location id or code (a bin the count covers)'),
    quantity: Quantity.optional().describe('Counted quantity (0 or more); for a serial-tracked item the number of serials, which may be left out'),
    lot: Code.optional().describe('Lot number (or id) counted: required for a lot-tracked item, one entry per lot'),
    serials: z.array(z.string().max(200)).max(MAX_LINE_SERIALS).optional().describe('Serial numbers scanned: required for a serial-tracked item (empty: none found), each once'),
    mode: z.enum(['set', 'add']).optional().describe('set (default): replaces an earlier entry for the same item × location (× lot); add: adds to it (serials: adds the new numbers)'),
  })).min(1).max(MAX_ENTRIES),
});

export const SubmitBody = z.strictObject({
  uncounted: z.enum(['skip', 'zero']).default('skip').describe('skip: lines nobody counted post nothing; zero: they were counted as 0'),
}).default({ uncounted: 'skip' });

export const RecountBody = z.strictObject({ lines: z.array(Code).min(1).max(MAX_ENTRIES).describe('Line ids to count again'), note: Note.optional() });

export const ApproveBody = z.strictObject({
  reason: ReasonRef.optional().describe('Reason code of the adjustments (default `count`)'),
  lines: z.array(z.strictObject({ line: Code, reason: ReasonRef })).max(20_000).optional().describe('A different reason for some lines'),
  note: Note.optional(),
}).default({});

export const CancelBody = z.strictObject({ note: Note.optional() }).default({});

export const ReasonCode = z.object({ code: z.string(), name: z.string(), archived: z.boolean() }).meta({ id: 'ReasonCode' });
export const NewReasonCodeBody = z.strictObject({ code: z.string().min(1).max(50).regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'), name: z.string().trim().min(1).max(100) });
export const RenameReasonCodeBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const ReasonCodeListQuery = z.object({ includeArchived: booleanQuery.describe('Also list archived codes') });
export const ReasonCodeParams = z.object({ code: z.string().min(1).max(50) });

export const ShrinkageQuery = z.object({
  from: Timestamp.optional().describe('Start of the period (inclusive); default 30 days before `to`'),
  to: Timestamp.optional().describe('End of the period (exclusive); default now'),
  groupBy: z.enum(SHRINKAGE_GROUPS).default('reason'),
  site: z.string().max(200).optional().describe('Only locations of this site (id or code)'),
});

const Figures = {
  lostUnits: QuantityText, foundUnits: QuantityText, netUnits: QuantityText.describe('found − lost: negative is shrinkage'),
  lostValue: z.string(), foundValue: z.string(), netValue: z.string(), movements: z.number().int(),
  unvaluedMovements: z.number().int().describe('Movements of items that never had a unit cost: counted in units only'),
};

export const ShrinkageReport = z.object({
  from: z.string(), to: z.string(), groupBy: z.enum(SHRINKAGE_GROUPS), site: Place.nullable(),
  totals: z.object(Figures), groups: z.array(z.object({ key: z.string(), label: z.string(), ...Figures })),
}).meta({ id: 'ShrinkageReport' });
