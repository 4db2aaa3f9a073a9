import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_SETTINGS, resolveWebhookSettings, webhookSettingsFromEnv } from './webhook-settings.js';

describe('webhook settings', () => {
  it('reads millisecond overrides and a retry schedule from the environment', () => {
    expect(webhookSettingsFromEnv({
      STOCKROOM_WEBHOOK_TIMEOUT_MS: '2000', STOCKROOM_WEBHOOK_LEASE_MS: '3500', STOCKROOM_WEBHOOK_POLL_MS: '200',
      STOCKROOM_WEBHOOK_CONCURRENCY: '2', STOCKROOM_WEBHOOK_RETRY_DELAYS_MS: '50, 100,200',
    })).toEqual({ timeoutMs: 2_000, leaseMs: 3_500, pollMs: 200, concurrency: 2, retryDelaysMs: [50, 100, 200] });
    expect(webhookSettingsFromEnv({})).toEqual({});
  });

  it('refuses values that are not positive whole milliseconds', () => {
    expect(() => webhookSettingsFromEnv({ STOCKROOM_WEBHOOK_TIMEOUT_MS: '-5' })).toThrow(/STOCKROOM_WEBHOOK_TIMEOUT_MS/);
    expect(() => webhookSettingsFromEnv({ STOCKROOM_WEBHOOK_RETRY_DELAYS_MS: '10,x' })).toThrow(/RETRY_DELAYS_MS/);
  });

  it('layers defaults, environment and explicit options, later ones winning', () => {
    expect(resolveWebhookSettings()).toEqual(DEFAULT_WEBHOOK_SETTINGS);
    expect(resolveWebhookSettings({ timeoutMs: 1_000, leaseMs: 5_000 }, { leaseMs: 4_000 }, undefined)).toMatchObject({ timeoutMs: 1_000, leaseMs: 4_000, pollMs: 1_000 });
  });

  it('refuses a lease that an attempt could outlast, which would let two processes send at once', () => {
    expect(() => resolveWebhookSettings({ timeoutMs: 10_000, leaseMs: 10_500 })).toThrow(/lease/);
  });
});
