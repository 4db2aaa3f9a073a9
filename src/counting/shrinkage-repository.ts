import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../db/schema.js';

export const SHRINKAGE_GROUPS = ['reason', 'location', 'item', 'day'] as const;
export type ShrinkageGroup = (typeof SHRINKAGE_GROUPS)[number];

export interface ShrinkageRow {
  key: string;
  decimals: number;
  unit_cost: number | null;
  /** 'lost' when stock went to loss or scrap, 'found' when it came back from loss. */
  direction: 'lost' | 'found';
  quantity: number;
  movements: number;
}

export interface ShrinkageFilter {
  from: string;
  to: string;
  groupBy: ShrinkageGroup;
  siteId?: string | undefined;
}

/**
 * Movements between a physical location and `loss` or `scrap` in [from, to), summed per group,
 * precision and unit cost, so the caller can value and total them exactly. A movement is valued
 * at its own unit cost, or else at the last cost its item had before it in the ledger.
 */
export async function shrinkageRows(db: Executor, filter: ShrinkageFilter): Promise<ShrinkageRow[]> {
  const lostSide = sql<SqlBool>`tl.virtual_kind in ('loss', 'scrap') and fl.kind <> 'virtual'`;
  const foundSide = sql<SqlBool>`fl.virtual_kind = 'loss' and tl.kind <> 'virtual'`;
  const physicalId = sql<string>`case when tl.kind = 'virtual' then m.from_location_id else m.to_location_id end`;
  const physicalSite = sql<string | null>`case when tl.kind = 'virtual' then fl.site_id else tl.site_id end`;
  const key: RawBuilder<string> = {
    reason: sql<string>`coalesce(m.reason_code, '')`,
    location: physicalId,
    item: sql<string>`m.item_id`,
    day: sql<string>`substr(m.occurred_at, 1, 10)`,
  }[filter.groupBy];
  const cost = sql<number | null>`coalesce(m.unit_cost, (select p.unit_cost from movements p where p.item_id = m.item_id and p.unit_cost is not null and p.seq < m.seq order by p.seq desc limit 1))`;
  const base = db
    .selectFrom('movements as m')
    .innerJoin('items as i', 'i.id', 'm.item_id')
    .innerJoin('locations as fl', 'fl.id', 'm.from_location_id')
    .innerJoin('locations as tl', 'tl.id', 'm.to_location_id')
    .where('m.occurred_at', '>=', filter.from)
    .where('m.occurred_at', '<', filter.to)
    .where((eb) => eb.or([lostSide, foundSide]))
    .$if(filter.siteId !== undefined, (q) => q.where(physicalSite, '=', filter.siteId ?? ''))
    .select([
      key.as('key'), 'i.decimals', cost.as('unit_cost'), sql<'lost' | 'found'>`case when fl.virtual_kind = 'loss' then 'found' else 'lost' end`.as('direction'), 'm.quantity',
    ]);
  const rows = await db
    .selectFrom(base.as('s'))
    .select((eb) => ['s.key', 's.decimals', 's.unit_cost', 's.direction', eb.fn.sum<number>('s.quantity').as('quantity'), eb.fn.countAll<number>().as('movements')])
    .groupBy(['s.key', 's.decimals', 's.unit_cost', 's.direction'])
    .execute();
  return rows.map((r) => ({
    key: r.key, decimals: Number(r.decimals), unit_cost: r.unit_cost === null ? null : Number(r.unit_cost), direction: r.direction,
    quantity: Number(r.quantity), movements: Number(r.movements),
  }));
}
