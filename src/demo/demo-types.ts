import type { Barcode } from '../catalog/item-types.js';
import type { NewLocation } from '../locations/location-types.js';
import type { MovementInput, TransferInput } from '../operations/operation-types.js';
import type { Channel, Season, SupplierSpec } from './catalog-types.js';

export interface DemoOptions {
  /** Same seed and end, same demo. */
  seed?: number | undefined;
  /** How many items (default 200, at most the catalog's 200). */
  items?: number | undefined;
  /** Days of history ending on `end`'s day (default 365). */
  days?: number | undefined;
  /** The moment history ends (default now); nothing is dated after it. */
  end?: Date | undefined;
}

export const DEFAULT_SEED = 20_240_601;
export const DEFAULT_ITEMS = 200;
export const DEFAULT_DAYS = 365;

/** An item of the demo catalog with what the simulation needs to know about it. */
export interface DemoItem {
  sku: string;
  name: string;
  category: string;
  unit: 'pcs' | 'kg' | 'l';
  decimals: number;
  barcodes: Barcode[];
  reorderPoint: string | null;
  /** Base unit cost in 1/10,000 (see shared/money.ts). */
  cost: number;
  /** Supplier case size, scaled by decimals. */
  pack: number;
  /** Quantity the store is replenished in, scaled. */
  storePack: number;
  season: Season;
  supplier: SupplierSpec;
  /** Average demand per day by channel, scaled by decimals. */
  rates: Record<Channel, number>;
  /** Bins that hold the item in each warehouse; absent where the warehouse does not stock it. */
  home: { wh1?: string; wh2?: string };
  food: boolean;
}

/** One step of the demo's history, in the order it must be posted. */
export type DemoStep =
  | { type: 'movement'; movement: MovementInput & { occurredAt: string } }
  /** A two-step transfer leaving; `key` links it to its arrival. */
  | { type: 'dispatch'; key: string; transfer: TransferInput & { occurredAt: string } }
  | { type: 'arrival'; key: string; occurredAt: string };

export interface DemoReservation {
  item: string;
  location: string;
  quantity: string;
  ttlSeconds?: number | undefined;
  reference: string;
}

export interface DemoPlan {
  items: DemoItem[];
  /** Parents before children. */
  locations: NewLocation[];
  steps: DemoStep[];
  reservations: DemoReservation[];
  firstDay: string;
  lastDay: string;
}
