import type { QuantityInput } from '../shared/quantity.js';

/** A supplier as the API shows it. The tolerance is a percentage as exact decimal text. */
export interface Supplier {
  id: string;
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  currency: string;
  leadTimeDays: number | null;
  paymentTerms: string | null;
  overReceiptTolerance: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewSupplier {
  code: string;
  name: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  address?: string | null | undefined;
  currency: string;
  leadTimeDays?: number | null | undefined;
  paymentTerms?: string | null | undefined;
  overReceiptTolerance?: QuantityInput | undefined;
}

export type SupplierChanges = Partial<Omit<NewSupplier, 'code'>>;

export interface PriceBreakInput {
  minQuantity: QuantityInput;
  unitPrice: QuantityInput;
}

/** What one supplier offers for one item. Quantities are in the item's unit, prices in the supplier's currency. */
export interface SupplierItem {
  supplier: { id: string; code: string; name: string; currency: string };
  item: { id: string; sku: string; name: string; unit: string };
  supplierSku: string | null;
  prices: Array<{ minQuantity: string; unitPrice: string }>;
  minOrderQuantity: string | null;
  packSize: string | null;
  leadTimeDays: number | null;
  preferred: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SupplierItemInput {
  supplierSku?: string | null | undefined;
  prices?: PriceBreakInput[] | undefined;
  minOrderQuantity?: QuantityInput | null | undefined;
  packSize?: QuantityInput | null | undefined;
  leadTimeDays?: number | null | undefined;
  preferred?: boolean | undefined;
}

export interface NewSupplierItem extends SupplierItemInput {
  item: string;
}
