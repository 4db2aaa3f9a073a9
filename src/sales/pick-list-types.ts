type Place = { id: string; code: string };

export interface PickListLine {
  lineNo: number;
  order: { id: string; number: string };
  orderLineId: string;
  item: { id: string; sku: string; name: string };
  location: Place;
  quantity: string;
  picked: string;
  remaining: string;
}

/** A pick list for one order or a wave of several, in walking order (by bin code). */
export interface PickList {
  id: string;
  number: string;
  status: 'open' | 'done';
  orders: Array<{ id: string; number: string }>;
  lines: PickListLine[];
  createdAt: string;
  completedAt: string | null;
}

export interface PickConfirmation {
  /** Id, SKU or a scanned barcode. */
  item: string;
  /** The bin it was taken from: id or code. */
  bin: string;
  quantity: string | number;
}
