/** How an item's demand moves over the year (see seasonality.ts). */
export type Season = 'steady' | 'hot-drinks' | 'warm-weather' | 'cold-drinks' | 'festive' | 'gifting' | 'baking';

export type Channel = 'store' | 'wholesale' | 'online';
export const CHANNELS: readonly Channel[] = ['store', 'wholesale', 'online'];

/** Share of an item's demand that each sales channel takes; zero means the channel does not sell it. */
export type ChannelShares = Record<Channel, number>;

export interface ProductOptions {
  /** Sold by weight or volume with 3 decimals; default is pieces. */
  unit?: 'kg' | 'l';
  /** Supplier case size in the item's unit (kg or l for bulk goods). */
  pack?: number;
  season?: Season;
  channels?: ChannelShares;
}

/** Name, unit cost as exact decimal text, average demand per day in the item's unit, options. */
export type ProductSpec = readonly [name: string, cost: string, daily: number, options?: ProductOptions];

export interface SupplierSpec {
  code: string;
  name: string;
  /** Working days from order to delivery. */
  leadDays: number;
  /** GS1 company prefix (7 digits) that the supplier's GTINs start with. */
  gs1Prefix: string;
}

export interface CategorySpec {
  name: string;
  skuPrefix: string;
  supplier: SupplierSpec;
  season: Season;
  channels: ChannelShares;
  /** Default supplier case size for pieces. */
  pack: number;
  products: readonly ProductSpec[];
}
