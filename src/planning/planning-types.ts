/** Shapes the planning API answers with (no I/O: the web app imports these). */

/** Quantities as decimal text, or JSON numbers like everywhere in the API. */
type QuantityInput = string | number;

export type PolicyInput =
  | { method: 'manual'; min: QuantityInput; max: QuantityInput }
  | { method: 'computed'; safetyStock?: QuantityInput | undefined; coverDays?: number | undefined; windowDays?: number | undefined; leadTimeDays?: number | null | undefined };

export interface PolicyView {
  method: 'manual' | 'computed';
  min: string | null;
  max: string | null;
  safetyStock: string | null;
  coverDays: number | null;
  windowDays: number | null;
  /** Set on the policy; when null, the lead time of the supplier an order would go to is used. */
  leadTimeDays: number | null;
}

type Named = { id: string; code: string; name: string };

export interface ReorderStatus {
  item: { id: string; sku: string; name: string; unit: string };
  site: Named;
  policy: PolicyView;
  reorderPoint: string;
  orderUpTo: string;
  /** Where the levels came from: set by hand, or the sales average over the window. */
  basis: 'manual' | 'average' | 'forecast';
  /** Average units sold per day over the window (computed policies), to 4 decimals. */
  dailyDemand: string | null;
  leadTimeDays: number;
  leadTimeSource: 'policy' | 'supplier' | 'none';
  available: string;
  incoming: string;
  inTransit: string;
  /** available + incoming + in transit: what the site will have once everything on its way arrives. */
  position: string;
  /** True when the position is below the reorder point: the low-stock alert. */
  low: boolean;
  /** On draft purchase orders for the site: not incoming until sent, but already being bought. */
  onDraftOrders: string;
  /** To order now, before pack and MOQ rounding: up to the order-up-to level, less what drafts already hold. */
  suggestedQuantity: string;
  supplier: (Named & { preferred: boolean }) | null;
  updatedAt: string;
}

export interface SuggestedLine {
  item: { id: string; sku: string; name: string };
  needed: string;
  quantity: string;
  unitPrice: string | null;
  lineTotal: string | null;
  leadTimeDays: number | null;
  choice: 'preferred' | 'ranked';
}

export interface SuggestedOrder {
  supplier: Named;
  site: Named;
  currency: string;
  lines: SuggestedLine[];
  total: string;
  unpricedLines: number;
  leadTimeDays: number | null;
}

export interface PurchaseSuggestionList {
  orders: SuggestedOrder[];
  unassigned: Array<{ item: { id: string; sku: string; name: string }; site: Named; needed: string; reason: 'no-supplier' }>;
  /** True when more items were low than one call handles; create these orders and ask again. */
  truncated: boolean;
}
