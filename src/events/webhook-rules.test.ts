import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { checkReplayRequest, checkTargetUrl, generateWebhookSecret, matchesEventType, normaliseEventTypes, signWebhook, verifyWebhookSignature } from './webhook-rules.js';

const fieldOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors[0]?.path;
    throw error;
  }
  return undefined;
};

describe('webhook signature', () => {
  const secret = 'whsec_test';
  const body = '{"seq":1,"id":"01K","type":"stock.changed"}';

  it('is v1= and the hex HMAC-SHA256 of "timestamp.body" keyed with the secret', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1_700_000_000, body)).toBe(`v1=${expected}`);
  });

  it('verifies with the right secret, timestamp and body only', () => {
    const header = signWebhook(secret, 1_700_000_000, body);
    expect(verifyWebhookSignature(secret, 1_700_000_000, body, header)).toBe(true);
    expect(verifyWebhookSignature('whsec_other', 1_700_000_000, body, header)).toBe(false);
    expect(verifyWebhookSignature(secret, 1_700_000_001, body, header)).toBe(false);
    expect(verifyWebhookSignature(secret, 1_700_000_000, `${body} `, header)).toBe(false);
    expect(verifyWebhookSignature(secret, 1_700_000_000, body, `v1=00, ${header}`)).toBe(true);
    expect(verifyWebhookSignature(secret, 1_700_000_000, body, 'v1=00')).toBe(false);
  });

  it('generates distinct secrets with 256 bits of randomness', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});

describe('webhook event type filter', () => {
  it('matches everything, exact types and prefixes', () => {
    expect(matchesEventType(['*'], 'stock.changed')).toBe(true);
    expect(matchesEventType(['stock.changed'], 'stock.changed')).toBe(true);
    expect(matchesEventType(['stock.changed'], 'sales_order.created')).toBe(false);
    expect(matchesEventType(['sales_order.*'], 'sales_order.status_changed')).toBe(true);
    expect(matchesEventType(['sales_order.*'], 'sales_orders.created')).toBe(false);
    expect(matchesEventType(['sales_order.*'], 'sales_order')).toBe(false);
  });

  it('normalises a list and says which entry is wrong', () => {
    expect(normaliseEventTypes(['stock.changed', 'channel.availability', 'stock.changed'], '/eventTypes')).toEqual(['channel.availability', 'stock.changed']);
    expect(normaliseEventTypes(['stock.changed', '*'], '/eventTypes')).toEqual(['*']);
    expect(fieldOf(() => normaliseEventTypes(['stock.changed', 'Stock Changed'], '/eventTypes'))).toBe('/eventTypes/1');
    expect(fieldOf(() => normaliseEventTypes([], '/eventTypes'))).toBe('/eventTypes');
    expect(fieldOf(() => normaliseEventTypes(['stock.*.x'], '/eventTypes'))).toBe('/eventTypes/0');
  });
});

describe('webhook replay request', () => {
  it('takes exactly one of fromSeq and deliveryId', () => {
    expect(checkReplayRequest({ fromSeq: 4 })).toEqual({ fromSeq: 4 });
    expect(checkReplayRequest({ deliveryId: 'D1' })).toEqual({ deliveryId: 'D1' });
    expect(fieldOf(() => checkReplayRequest({}))).toBe('/fromSeq');
    expect(fieldOf(() => checkReplayRequest({ fromSeq: 4, deliveryId: 'D1' }))).toBe('/deliveryId');
  });
});

describe('webhook target URL', () => {
  it('accepts http and https URLs', () => {
    expect(checkTargetUrl('https://example.com/hooks?token=abc', '/url')).toBe('https://example.com/hooks?token=abc');
    expect(checkTargetUrl('http://127.0.0.1:8080', '/url')).toBe('http://127.0.0.1:8080/');
  });

  it('refuses other schemes, relative URLs, credentials and fragments at the field', () => {
    for (const bad of ['ftp://example.com/x', 'example.com/hook', 'https://user:pw@example.com/', 'https://example.com/#x', 'javascript:alert(1)']) {
      expect(fieldOf(() => checkTargetUrl(bad, '/url')), bad).toBe('/url');
    }
  });
});
