import type { ItemTracking } from '../db/schema.js';
import type { BarcodeKind } from './barcode-rules.js';

export type { ItemTracking } from '../db/schema.js';

export interface Barcode {
  code: string;
  kind: BarcodeKind;
}

/** An item as the API shows it. Quantities are exact decimal text in the item's unit. */
export interface Item {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  category: string | null;
  unit: string;
  decimals: number;
  /** none, lot (batches with dates) or serial (one unit per serial number); fixed once created. */
  tracking: ItemTracking;
  reorderPoint: string | null;
  barcodes: Barcode[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewItem {
  sku: string;
  name: string;
  description?: string | null | undefined;
  category?: string | null | undefined;
  unit?: string | undefined;
  decimals?: number | undefined;
  tracking?: ItemTracking | undefined;
  reorderPoint?: string | number | null | undefined;
  barcodes?: Barcode[] | undefined;
}

export interface ItemChanges {
  name?: string | undefined;
  description?: string | null | undefined;
  category?: string | null | undefined;
  unit?: string | undefined;
  reorderPoint?: string | number | null | undefined;
}

/** What the ledger-facing services need to know of an item. */
export interface ItemRef {
  id: string;
  sku: string;
  decimals: number;
  archived: boolean;
  tracking: ItemTracking;
}
