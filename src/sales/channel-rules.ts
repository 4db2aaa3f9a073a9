import { MAX_DECIMALS } from '../shared/quantity.js';

/**
 * Pure rules of channels: the buffer in an item's unit and the availability formula. No I/O.
 */
export const ROUTING_RULES = ['priority', 'single_location', 'closest', 'split'] as const;
export type RoutingRule = (typeof ROUTING_RULES)[number];
export const DEFAULT_ROUTING: RoutingRule[] = ['single_location', 'closest', 'split'];

/** The channel-wide buffer is kept in millionths of a unit; decimals of the item say how fine its unit is. */
export const BUFFER_DECIMALS = MAX_DECIMALS;

/**
 * The channel-wide buffer in one item's smallest unit. A buffer finer than the item's unit is
 * rounded up: a buffer withholds stock, so it must never withhold less than asked.
 */
export function bufferForItem(bufferMicro: number, itemDecimals: number): number {
  const step = 10 ** (BUFFER_DECIMALS - itemDecimals);
  return Math.ceil(bufferMicro / step);
}

/**
 * What a channel may sell: Σ available over its locations (a location that has gone below zero
 * counts as nothing, it cannot lend to the others) minus the buffer, never below zero.
 */
export function channelAvailable(availablePerLocation: readonly number[], buffer: number): { stock: number; available: number } {
  const stock = availablePerLocation.reduce((sum, a) => sum + Math.max(0, a), 0);
  return { stock, available: Math.max(0, stock - buffer) };
}

/** Routing rules are a set applied in a fixed order of preference; repeats are a client's mistake. */
export function routingRulesProblem(rules: readonly RoutingRule[], priorityCount: number): string | null {
  if (new Set(rules).size !== rules.length) return 'each routing rule may appear once';
  if (rules.includes('priority') && priorityCount === 0) return "the 'priority' rule needs routing.priority: the locations to try first";
  return null;
}
