import { DEFAULT_RETRY_DELAYS_MS } from './webhook-retry.js';

/** How the delivery worker of one process behaves. */
export interface WebhookSettings {
  /** A receiver that has not answered by then has failed this attempt. */
  timeoutMs: number;
  /**
   * How long a process holds a subscription without recording a result before another may take
   * it over (its sender died). Renewed by every result, so it only has to outlast one attempt.
   */
  leaseMs: number;
  /** The wait after the 1st, 2nd … failed attempt; after the last the delivery is marked failed. */
  retryDelaysMs: readonly number[];
  /** How often to look for work nobody announced: retries falling due, events other processes numbered. */
  pollMs: number;
  /** Subscriptions one process sends to at once. */
  concurrency: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  timeoutMs: 10_000,
  leaseMs: 60_000,
  retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
  pollMs: 1_000,
  concurrency: 4,
};

const positive = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number of milliseconds, got '${text}'`);
  return value;
};

/**
 * Overrides from the environment (STOCKROOM_WEBHOOK_TIMEOUT_MS, _LEASE_MS, _POLL_MS,
 * _CONCURRENCY, and _RETRY_DELAYS_MS as a comma-separated list), so a test can run real server
 * processes on a millisecond schedule.
 */
export function webhookSettingsFromEnv(env: Record<string, string | undefined>): Partial<WebhookSettings> {
  const read = (suffix: string) => env[`STOCKROOM_WEBHOOK_${suffix}`];
  const settings: Partial<WebhookSettings> = {};
  const timeout = read('TIMEOUT_MS');
  if (timeout) settings.timeoutMs = positive('STOCKROOM_WEBHOOK_TIMEOUT_MS', timeout);
  const lease = read('LEASE_MS');
  if (lease) settings.leaseMs = positive('STOCKROOM_WEBHOOK_LEASE_MS', lease);
  const poll = read('POLL_MS');
  if (poll) settings.pollMs = positive('STOCKROOM_WEBHOOK_POLL_MS', poll);
  const concurrency = read('CONCURRENCY');
  if (concurrency) settings.concurrency = positive('STOCKROOM_WEBHOOK_CONCURRENCY', concurrency);
  const delays = read('RETRY_DELAYS_MS');
  if (delays) settings.retryDelaysMs = delays.split(',').map((d) => positive('STOCKROOM_WEBHOOK_RETRY_DELAYS_MS', d.trim()));
  return settings;
}

/** Defaults, then the environment, then what the caller gives; a lease shorter than an attempt would let two processes send at once. */
export function resolveWebhookSettings(...overrides: Array<Partial<WebhookSettings> | undefined>): WebhookSettings {
  const settings = Object.assign({}, DEFAULT_WEBHOOK_SETTINGS, ...overrides) as WebhookSettings;
  if (settings.leaseMs < settings.timeoutMs + 1_000) {
    throw new Error(`the webhook lease (${settings.leaseMs} ms) must exceed the timeout (${settings.timeoutMs} ms) by at least a second`);
  }
  return settings;
}
