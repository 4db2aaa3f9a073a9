import type { Movement } from '../operations/movement-view.js';

/** Lot and serial answers as the API gives them; a pure file, so the web app imports them too. */
type Place = { id: string; code: string };

export interface LotLocation {
  location: Place;
  onHand: string;
  reserved: string;
  available: string;
}

export interface Lot {
  id: string;
  item: { id: string; sku: string };
  number: string;
  manufacturedOn: string | null;
  expiresOn: string | null;
  expired: boolean;
  /** Days from today (UTC) to the expiry date; negative once expired; null without expiry. */
  daysLeft: number | null;
  firstReceivedAt: string;
  /** In physical locations. */
  onHand: string;
  reserved: string;
  locations: LotLocation[];
}

export interface LotTrace {
  lot: Lot;
  received: string;
  shipped: Array<{ to: Place; document: { type: string; id: string } | null; reference: string | null; quantity: string; occurredAt: string }>;
  remaining: Array<{ location: Place; onHand: string; reserved: string }>;
  movements: Movement[];
  movementsTruncated: boolean;
}

export interface Serial {
  id: string;
  item: { id: string; sku: string };
  serialNumber: string;
  location: Place & { kind: string };
  createdAt: string;
}

export interface SerialDetail extends Serial {
  history: Movement[];
}
