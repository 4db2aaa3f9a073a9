/**
 * Shapes of the lot and serial answers (src/http/schemas/tracking.ts). The server declares them in
 * its query services, files that also read the database, so they are written out here rather than imported.
 */
import type { Movement } from './types';

interface Ref {
  id: string;
  code: string;
}

export interface LotLocation {
  location: Ref;
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

/** The expiry alerts answer with lots that all have an expiry date, so `daysLeft` is set. */
export type ExpiringLot = Lot;

export interface LotTrace {
  lot: Lot;
  received: string;
  shipped: Array<{ to: Ref; document: { type: string; id: string } | null; reference: string | null; quantity: string; occurredAt: string }>;
  remaining: Array<{ location: Ref; onHand: string; reserved: string }>;
  movements: Movement[];
  movementsTruncated: boolean;
}

export interface Serial {
  id: string;
  item: { id: string; sku: string };
  serialNumber: string;
  location: Ref & { kind: string };
  createdAt: string;
}

export interface SerialDetail extends Serial {
  history: Movement[];
}
