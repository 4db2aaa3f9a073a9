import type { CountStatus } from '../db/schema.js';
import type { QuantityInput } from '../shared/quantity.js';
import type { EntryMode } from './count-rules.js';

/** What a count covers, as a client asks for it. Every count belongs to one site. */
export type CountScopeInput =
  | { type: 'selection'; site: string; bins?: string[] | undefined; items?: string[] | undefined }
  | { type: 'site'; site: string }
  | { type: 'not-counted'; site: string; days: number }
  | { type: 'abc'; site: string };

/** The scope as stored: references resolved, with the codes and SKUs (which never change) for display. */
export interface StoredScope {
  type: CountScopeInput['type'];
  bins: Array<{ id: string; code: string }>;
  items: Array<{ id: string; sku: string }>;
  days: number | null;
}

export interface NewCount {
  scope: CountScopeInput;
  blind?: boolean | undefined;
  thresholds?: { units?: QuantityInput | null | undefined; value?: QuantityInput | null | undefined } | undefined;
  note?: string | undefined;
}

export interface EntryInput {
  item: string;
  location: string;
  /** Required, except for a serial-tracked item, whose count is the number of serials scanned. */
  quantity?: QuantityInput | undefined;
  /** The lot counted (number or id): required for a lot-tracked item, refused for others. */
  lot?: string | undefined;
  /** The serial numbers scanned: required for a serial-tracked item (an empty list: none found), refused for others. */
  serials?: string[] | undefined;
  mode?: EntryMode | undefined;
}

export interface ApproveInput {
  reason?: string | undefined;
  lines?: Array<{ line: string; reason: string }> | undefined;
  note?: string | undefined;
}

type Named = { id: string; code: string; name: string };

/** The serials of a serial-tracked line; what the ledger expected is null when the count is blind to this reader. */
export interface CountLineSerials {
  counted: string[];
  expected: string[] | null;
  /** Serials at the location when the entry was made that nobody scanned. */
  missing: string[] | null;
  /** Serials scanned that were not at the location when the entry was made. */
  unexpected: string[] | null;
}

/** A line as a reader sees it; the figures that reveal the expected quantity are null when the count is blind to them. */
export interface CountLine {
  id: string;
  lineNo: number;
  item: { id: string; sku: string; name: string; unit: string; tracking: 'none' | 'lot' | 'serial' };
  location: { id: string; code: string };
  /** The lot this line counts (lot-tracked items), with its expiry. */
  lot: { id: string; number: string; expiresOn: string | null } | null;
  /** Serial-tracked items only. */
  serials: CountLineSerials | null;
  unplanned: boolean;
  counted: string | null;
  countedAt: string | null;
  countedBy: { id: string; name: string } | null;
  recounts: number;
  previousCounted: string | null;
  reasonCode: string | null;
  expected: string | null;
  onHandAtCount: string | null;
  variance: string | null;
  unitCost: string | null;
  varianceValue: string | null;
  needsApproval: boolean | null;
}

export interface CountSummary {
  id: string;
  number: string;
  status: CountStatus;
  site: Named;
  scope: { type: StoredScope['type']; bins: string[]; items: string[]; days: number | null };
  blind: boolean;
  thresholds: { units: string | null; value: string | null };
  note: string | null;
  postingId: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  cancelledAt: string | null;
}

export interface Count extends CountSummary {
  /** Whether this reader sees expected quantities and variances (always, unless blind and not a manager). */
  figuresVisible: boolean;
  totals: { lines: number; counted: number; withVariance: number | null; needingApproval: number | null };
  lines: CountLine[];
}
