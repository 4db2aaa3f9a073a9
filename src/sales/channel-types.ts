import type { ChannelKind } from '../db/schema.js';
import type { QuantityInput } from '../shared/quantity.js';
import type { RoutingRule } from './channel-rules.js';

type Place = { id: string; code: string };

/** A sales channel as the API shows it. Buffers are exact decimal text. */
export interface Channel {
  id: string;
  code: string;
  name: string;
  kind: ChannelKind;
  locations: Array<Place & { kind: string }>;
  buffer: string;
  itemBuffers: Array<{ item: { id: string; sku: string }; buffer: string }>;
  allowBackorders: boolean;
  routing: { rules: RoutingRule[]; priority: Place[] };
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ChannelInputFields {
  name?: string | undefined;
  kind?: ChannelKind | undefined;
  locations?: string[] | undefined;
  buffer?: QuantityInput | undefined;
  itemBuffers?: Array<{ item: string; buffer: QuantityInput }> | undefined;
  allowBackorders?: boolean | undefined;
  routing?: { rules?: RoutingRule[] | undefined; priority?: string[] | undefined } | undefined;
}

export interface NewChannel extends ChannelInputFields {
  code: string;
  name: string;
  kind: ChannelKind;
  locations: string[];
}

export type ChannelChanges = ChannelInputFields;

/** What one channel may sell of one item: its locations' available stock minus the buffer, never below zero. */
export interface ChannelItemAvailability {
  channel: { id: string; code: string };
  item: { id: string; sku: string };
  /** Σ available (on hand − reserved) over the channel's sellable locations. */
  stock: string;
  buffer: string;
  available: string;
}
