import type { CountLineRow, CountRow, ItemTracking } from '../db/schema.js';
import type { Actor } from '../shared/context.js';
import { COST_DECIMALS, formatCost } from '../shared/money.js';
import { formatScaled } from '../shared/quantity.js';
import { formatBig } from '../reports/report-rules.js';
import { needsApproval, serialVariance, serialVarianceUnits, THRESHOLD_DECIMALS, variance, varianceValue, type SerialVariance, type Thresholds } from './count-rules.js';
import type { Count, CountLine, CountLineSerials, CountSummary, StoredScope } from './count-types.js';

export type ItemNames = Map<string, { id: string; sku: string; name: string; unit: string; decimals: number; tracking: ItemTracking }>;
export type LocationNames = Map<string, { id: string; code: string; name: string }>;

/** The serials of a serial-tracked line, by role. */
export interface LineSerials {
  expected: string[];
  onHand: string[];
  counted: string[];
}

/** Lots (by id) and serials (by line id) the lines of a count name. */
export interface LineTracking {
  lots: Map<string, { id: string; lot_number: string; expires_on: string | null }>;
  serials: Map<string, LineSerials>;
}

/**
 * A blind count keeps what the ledger expects from the people counting: only a manager (an admin
 * key) sees expected quantities, variances and their values, whatever the count's state.
 */
export function figuresVisibleTo(count: CountRow, actor: Actor): boolean {
  return count.blind === 0 || actor.role === 'admin';
}

export function thresholdsOf(count: CountRow): Thresholds {
  return {
    unitsMicro: count.threshold_units_micro === null ? null : Number(count.threshold_units_micro),
    value: count.threshold_value === null ? null : Number(count.threshold_value),
  };
}

export function toSummary(row: CountRow, sites: LocationNames): CountSummary {
  const scope = JSON.parse(row.scope) as StoredScope;
  const site = sites.get(row.site_id) ?? { id: row.site_id, code: row.site_id, name: row.site_id };
  return {
    id: row.id, number: row.number, status: row.status, site: { id: site.id, code: site.code, name: site.name },
    scope: { type: scope.type, bins: scope.bins.map((b) => b.code), items: scope.items.map((i) => i.sku), days: scope.days },
    blind: row.blind === 1,
    thresholds: {
      units: row.threshold_units_micro === null ? null : formatScaled(Number(row.threshold_units_micro), THRESHOLD_DECIMALS),
      value: formatCost(row.threshold_value === null ? null : Number(row.threshold_value)),
    },
    note: row.note, postingId: row.posting_id, createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at, updatedAt: row.updated_at, startedAt: row.started_at, submittedAt: row.submitted_at,
    approvedAt: row.approved_at, approvedBy: row.approved_by, cancelledAt: row.cancelled_at,
  };
}

export interface LineFigures {
  variance: number | null;
  /** The units the thresholds judge: |variance|, or for a serial line every missing and unexpected serial. */
  judgedUnits: number | null;
  needsApproval: boolean;
  /** A counted serial line compared with the serials there at its entry. */
  serials: SerialVariance | null;
}

/** The variance of a counted line and whether it is beyond the count's thresholds. */
export function lineFigures(line: CountLineRow, decimals: number, thresholds: Thresholds, serials?: LineSerials | undefined): LineFigures {
  if (line.counted === null || line.on_hand_at_count === null) return { variance: null, judgedUnits: null, needsApproval: false, serials: null };
  const v = variance(Number(line.counted), Number(line.on_hand_at_count));
  const compared = serials ? serialVariance(serials.onHand, serials.counted) : null;
  const judged = compared ? serialVarianceUnits(compared) : Math.abs(v);
  const cost = line.unit_cost === null ? null : Number(line.unit_cost);
  return { variance: v, judgedUnits: judged, needsApproval: needsApproval(judged, decimals, cost, thresholds), serials: compared };
}

export function toLine(line: CountLineRow, names: { items: ItemNames; locations: LocationNames; tracking: LineTracking }, thresholds: Thresholds, visible: boolean): CountLine {
  const item = names.items.get(line.item_id) ?? { id: line.item_id, sku: line.item_id, name: '', unit: '', decimals: 0, tracking: 'none' as const };
  const location = names.locations.get(line.location_id) ?? { id: line.location_id, code: line.location_id };
  const lot = line.lot_id === null ? undefined : names.tracking.lots.get(line.lot_id);
  const serials = item.tracking === 'serial' ? names.tracking.serials.get(line.id) ?? { expected: [], onHand: [], counted: [] } : undefined;
  const q = (value: number | null) => (value === null ? null : formatScaled(Number(value), item.decimals));
  const figures = lineFigures(line, item.decimals, thresholds, serials);
  const cost = line.unit_cost === null ? null : Number(line.unit_cost);
  const value = figures.judgedUnits === null ? null : varianceValue(figures.judgedUnits, cost);
  return {
    id: line.id, lineNo: line.line_no, item: { id: item.id, sku: item.sku, name: item.name, unit: item.unit, tracking: item.tracking },
    location: { id: location.id, code: location.code },
    lot: line.lot_id === null ? null : { id: line.lot_id, number: lot?.lot_number ?? line.lot_id, expiresOn: lot?.expires_on ?? null },
    serials: serials ? serialView(serials, figures.serials, visible) : null,
    unplanned: line.unplanned === 1,
    counted: q(line.counted), countedAt: line.counted_at,
    countedBy: line.counted_by === null ? null : { id: line.counted_by, name: line.counted_by_name ?? line.counted_by },
    recounts: line.recounts, previousCounted: q(line.previous_counted), reasonCode: line.reason_code,
    expected: visible ? q(line.expected) : null,
    onHandAtCount: visible ? q(line.on_hand_at_count) : null,
    variance: visible ? q(figures.variance) : null,
    unitCost: visible ? formatCost(cost) : null,
    varianceValue: visible && value !== null ? formatBig(value, item.decimals + COST_DECIMALS) : null,
    needsApproval: visible ? figures.needsApproval : null,
  };
}

/** Counters always see what they scanned; what the ledger expected (and so what is missing) only where figures are visible. */
function serialView(serials: LineSerials, compared: SerialVariance | null, visible: boolean): CountLineSerials {
  return {
    counted: serials.counted,
    expected: visible ? serials.expected : null,
    missing: visible && compared ? compared.missing : null,
    unexpected: visible && compared ? compared.unexpected : null,
  };
}

export function toCount(row: CountRow, lines: CountLineRow[], names: { items: ItemNames; locations: LocationNames; tracking: LineTracking }, actor: Actor): Count {
  const visible = figuresVisibleTo(row, actor);
  const thresholds = thresholdsOf(row);
  const views = lines.map((l) => toLine(l, names, thresholds, visible));
  const varies = (l: CountLine) => (l.variance !== null && l.variance !== '0') || (l.serials?.missing?.length ?? 0) + (l.serials?.unexpected?.length ?? 0) > 0;
  return {
    ...toSummary(row, names.locations),
    figuresVisible: visible,
    totals: {
      lines: views.length,
      counted: views.filter((l) => l.counted !== null).length,
      withVariance: visible ? views.filter(varies).length : null,
      needingApproval: visible ? views.filter((l) => l.needsApproval === true).length : null,
    },
    lines: views,
  };
}
