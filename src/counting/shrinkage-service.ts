import { itemRefsByIds } from '../catalog/item-service.js';
import type { Executor } from '../db/schema.js';
import { getLocation, locationRefsByIds } from '../locations/location-service.js';
import { COMMON_DECIMALS, formatBig, VALUE_DECIMALS } from '../reports/report-rules.js';
import { invalidField } from '../shared/errors.js';
import { nowIso, parseTimestamp } from '../shared/time.js';
import { listReasonCodes } from './reason-codes.js';
import { shrinkageRows, type ShrinkageGroup } from './shrinkage-repository.js';
import { foldShrinkage, type ShrinkageTotals } from './shrinkage-rules.js';
import type { ShrinkageFigures, ShrinkageReport } from './shrinkage-types.js';

const DEFAULT_DAYS = 30;

const figures = (t: ShrinkageTotals): ShrinkageFigures => ({
  lostUnits: formatBig(t.lostUnits, COMMON_DECIMALS), foundUnits: formatBig(t.foundUnits, COMMON_DECIMALS), netUnits: formatBig(t.foundUnits - t.lostUnits, COMMON_DECIMALS),
  lostValue: formatBig(t.lostValue, VALUE_DECIMALS), foundValue: formatBig(t.foundValue, VALUE_DECIMALS), netValue: formatBig(t.foundValue - t.lostValue, VALUE_DECIMALS),
  movements: t.movements, unvaluedMovements: t.unvaluedMovements,
});

/**
 * Stock lost to `loss` or `scrap` and found again from `loss`, in [from, to) of business time
 * (default: the last 30 days), grouped by reason code, physical location, item or UTC day, in
 * units and value. Net is found − lost, so shrinkage shows as a negative figure.
 */
export async function shrinkageReport(db: Executor, query: { from?: string | undefined; to?: string | undefined; groupBy: ShrinkageGroup; site?: string | undefined }): Promise<ShrinkageReport> {
  const to = query.to === undefined ? nowIso() : parseTimestamp(query.to, '/to');
  const from = query.from === undefined ? new Date(Date.parse(to) - DEFAULT_DAYS * 86_400_000).toISOString() : parseTimestamp(query.from, '/from');
  if (from >= to) throw invalidField('/from', 'from must be before to');
  const site = query.site === undefined ? null : await getLocation(db, query.site);
  if (site && site.kind !== 'site') throw invalidField('/site', `'${query.site}' is not a site`);
  const rows = await shrinkageRows(db, { from, to, groupBy: query.groupBy, siteId: site?.id });
  const { total, groups } = foldShrinkage(rows.map((r) => ({ key: r.key, decimals: r.decimals, unitCost: r.unit_cost, direction: r.direction, quantity: r.quantity, movements: r.movements })));
  const label = await labeller(db, query.groupBy, groups.map((g) => g.key));
  return {
    from, to, groupBy: query.groupBy, site: site && { id: site.id, code: site.code },
    totals: figures(total),
    groups: groups.map((g) => ({ key: g.key, label: label(g.key), ...figures(g.totals) })),
  };
}

async function labeller(db: Executor, groupBy: ShrinkageGroup, keys: string[]): Promise<(key: string) => string> {
  if (groupBy === 'reason') {
    const names = new Map((await listReasonCodes(db, true)).map((r) => [r.code, r.name]));
    return (key) => (key === '' ? 'No reason' : names.get(key) ?? key);
  }
  if (groupBy === 'location') {
    const locations = await locationRefsByIds(db, keys);
    return (key) => locations.get(key)?.code ?? key;
  }
  if (groupBy === 'item') {
    const items = await itemRefsByIds(db, keys);
    return (key) => {
      const item = items.get(key);
      return item ? `${item.sku} · ${item.name}` : key;
    };
  }
  return (key) => key;
}
