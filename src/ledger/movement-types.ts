/** Kinds of movement. The ledger treats them alike; they say why stock moved. */
export const MOVEMENT_KINDS = [
  'receipt', 'shipment', 'transfer', 'transfer_out', 'transfer_in', 'adjustment',
  'reversal', 'move', 'production', 'consumption', 'return', 'scrap',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** A location as the posting rules see it. */
export interface PostingLocation {
  id: string;
  mayGoNegative: boolean;
}

/** A movement ready to post: references resolved, quantity scaled to an integer. */
export interface MovementDraft {
  itemId: string;
  quantity: number;
  from: PostingLocation;
  to: PostingLocation;
  kind: MovementKind;
  unitCost?: number | null | undefined;
  reasonCode?: string | null | undefined;
  documentType?: string | null | undefined;
  documentId?: string | null | undefined;
  reference?: string | null | undefined;
  reversesId?: string | null | undefined;
  note?: string | null | undefined;
  occurredAt: string;
  /** Set when the stock leaving `from` was held by a reservation being consumed. */
  fromReserved?: boolean | undefined;
  /** Request field to blame when this movement cannot be posted, e.g. `/lines/2/quantity`. */
  path: string;
  /** Names for messages only: the ledger itself works on ids. */
  display: { sku: string; decimals: number; fromCode: string; lotNumber?: string | undefined };
  /** How the item is tracked; a lot-tracked movement names its lot, a serial-tracked one its serials. */
  tracking?: 'none' | 'lot' | 'serial' | undefined;
  /** The one lot this movement moves (lot-tracked items only), resolved by the caller. */
  lotId?: string | null | undefined;
  /** The units this movement moves (serial-tracked items only): exactly `quantity` of them, resolved by the caller. */
  serials?: ReadonlyArray<SerialRef> | undefined;
}

/** A serial number as a posting moves it: its id, and its number and request field for messages. */
export interface SerialRef {
  id: string;
  number: string;
  path: string;
}

export interface PostingMeta {
  postingId: string;
  actor: string;
  actorName: string;
  idempotencyKey: string | null;
  recordedAt: string;
  /** Set when the posting ships stock a reservation held; its stock.changed event names the reservation too. */
  reservationId?: string | undefined;
}

/** One line that could not be posted, as reported in an insufficient-stock problem. */
export interface Shortfall {
  path: string;
  item: string;
  location: string;
  requested: string;
  available: string;
}
