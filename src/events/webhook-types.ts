import type { WebhookDeliveryStatus, WebhookStatus } from '../db/schema.js';

/** A webhook subscription as the API shows it; the secret only ever appears in `CreatedWebhook`. */
export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  status: WebhookStatus;
  /** Every event up to this seq has been queued for delivery. */
  queuedThroughSeq: number;
  pendingDeliveries: number;
  failedDeliveries: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface CreatedWebhook extends Webhook {
  /** The signing secret, shown this once. */
  secret: string;
}

export interface NewWebhook {
  url: string;
  eventTypes?: string[] | undefined;
  description?: string | null | undefined;
  status?: WebhookStatus | undefined;
}

export interface WebhookChanges {
  url?: string | undefined;
  eventTypes?: string[] | undefined;
  description?: string | null | undefined;
  status?: WebhookStatus | undefined;
}

/** One event queued for one subscription, with the outcome of its latest attempt. */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  event: { id: string; seq: number; type: string };
  status: WebhookDeliveryStatus;
  attempts: number;
  /** When a pending delivery is (next) due. */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  deliveredAt: string | null;
  replayOf: string | null;
  createdAt: string;
}

/** A replay request as sent: checkReplayRequest makes it a WebhookReplayRequest. */
export interface WebhookReplayInput {
  fromSeq?: number | undefined;
  deliveryId?: string | undefined;
}

export type WebhookReplayRequest = { fromSeq: number; deliveryId?: undefined } | { deliveryId: string; fromSeq?: undefined };

/** What a replay queued: the events of seq `fromSeq` … `throughSeq` that match the subscription's filter. */
export interface WebhookReplay {
  queued: number;
  fromSeq: number;
  throughSeq: number;
  /** The delivery that will send the event again, when one delivery was replayed. */
  deliveryId: string | null;
}
