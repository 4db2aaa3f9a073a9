import type { Channel, RoutingRule } from '../api/types';

export type ChannelKind = Channel['kind'];

export const KIND_LABELS: Record<ChannelKind, string> = { web: 'Web store', pos: 'Store (POS)', marketplace: 'Marketplace' };
export const KINDS = Object.keys(KIND_LABELS) as ChannelKind[];

/**
 * The routing rules in the order the server applies them (a set, not a sequence: see
 * src/sales/routing-rules.ts). A Record, so a rule added on the server fails the web build until it is named here.
 */
export const RULES: Record<RoutingRule, { label: string; description: string }> = {
  priority: { label: 'Priority sites first', description: 'Try the priority sites below, in their order, before any other' },
  single_location: { label: 'One site for the whole order', description: 'Prefer a site that can ship every line' },
  closest: { label: 'Closest site', description: 'Nearest to the delivery address (coordinates, else the same region)' },
  split: { label: 'Split when needed', description: 'Fill the order from several sites when no one site can' },
};
export const RULE_ORDER = Object.keys(RULES) as RoutingRule[];

export function isKind(value: string | null): value is ChannelKind {
  return value !== null && (KINDS as string[]).includes(value);
}
