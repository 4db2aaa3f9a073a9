/** A movement as the API shows it. */
export interface Movement {
  id: string;
  seq: number;
  postingId: string;
  kind: string;
  item: { id: string; sku: string };
  quantity: string;
  from: { id: string; code: string };
  to: { id: string; code: string };
  unitCost: string | null;
  reasonCode: string | null;
  document: { type: string; id: string } | null;
  reference: string | null;
  reversesId: string | null;
  note: string | null;
  /** The lot moved (lot-tracked items), else null. */
  lot: { id: string; number: string } | null;
  /** The serial numbers moved (serial-tracked items), else empty. */
  serials: string[];
  actor: { id: string; name: string };
  occurredAt: string;
  recordedAt: string;
}
