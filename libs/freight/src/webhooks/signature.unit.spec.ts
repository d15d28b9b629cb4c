import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { starshipitSignature, verifyStarshipitSignature } from './signature.js';
import { parseTrackingWebhook } from './tracking-webhook.js';

const body = Buffer.from('{"order_number":"TR-1-v1","tracking_number":"AP1","tracking_status":"InTransit","last_updated_date":"2026-06-01T08:00:00.1230000Z"}');

describe('verifyStarshipitSignature', () => {
  it('accepts the lowercase hex HMAC-SHA256 of the raw body (any hex case, surrounding spaces)', () => {
    const signature = createHmac('sha256', 'secret').update(body).digest('hex');
    expect(starshipitSignature(body, 'secret')).toBe(signature);
    expect(verifyStarshipitSignature(body, signature, 'secret')).toBe(true);
    expect(verifyStarshipitSignature(body, ` ${signature.toUpperCase()} `, 'secret')).toBe(true);
    expect(verifyStarshipitSignature(body, `sha256=${signature}`, 'secret')).toBe(true);
  });

  it('refuses a missing, empty, short, non-hex or wrong signature, and an empty secret', () => {
    const signature = starshipitSignature(body, 'secret');
    expect(verifyStarshipitSignature(body, undefined, 'secret')).toBe(false);
    expect(verifyStarshipitSignature(body, '', 'secret')).toBe(false);
    expect(verifyStarshipitSignature(body, signature.slice(0, 63), 'secret')).toBe(false);
    expect(verifyStarshipitSignature(body, 'z'.repeat(64), 'secret')).toBe(false);
    expect(verifyStarshipitSignature(body, starshipitSignature(body, 'other'), 'secret')).toBe(false);
    expect(verifyStarshipitSignature(body, starshipitSignature(body, ''), '')).toBe(false);
  });

  it('holds for any body: its own signature passes, any other body fails', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (a, b) => {
        const raw = Buffer.from(a);
        expect(verifyStarshipitSignature(raw, starshipitSignature(raw, 's'), 's')).toBe(true);
        if (!raw.equals(Buffer.from(b))) expect(verifyStarshipitSignature(Buffer.from(b), starshipitSignature(raw, 's'), 's')).toBe(false);
      }),
    );
  });
});

describe('parseTrackingWebhook', () => {
  it('reads a Buffer, text or parsed JSON; keeps the raw status; dates as ISO UTC', () => {
    const expected = { orderNumber: 'TR-1-v1', trackingNumber: 'AP1', status: 'IN_TRANSIT', rawStatus: 'InTransit', lastUpdated: '2026-06-01T08:00:00.123Z' };
    expect(parseTrackingWebhook(body)).toEqual(expected);
    expect(parseTrackingWebhook(body.toString())).toEqual(expected);
    expect(parseTrackingWebhook(JSON.parse(body.toString()))).toEqual(expected);
  });

  it('keeps an unknown status as UNKNOWN with its text, and refuses a body that is not JSON or has no order number', () => {
    expect(parseTrackingWebhook({ order_number: 17062, tracking_status: 'Held at customs', order_reference: 'R1' })).toMatchObject({
      orderNumber: '17062',
      orderReference: 'R1',
      status: 'UNKNOWN',
      rawStatus: 'Held at customs',
    });
    expect(() => parseTrackingWebhook('not json')).toThrow(/not JSON/);
    expect(() => parseTrackingWebhook({ tracking_status: 'Delivered' })).toThrow(/order_number/);
  });
});
