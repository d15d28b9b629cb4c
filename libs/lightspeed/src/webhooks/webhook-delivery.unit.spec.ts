import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { parseWebhookDelivery, verifyWebhookSignature } from './webhook-delivery.js';

const body = Buffer.from('payload=%7B%22id%22%3A%22c-1%22%7D');
const sign = (raw: Buffer, secret: string) => createHmac('sha256', secret).update(raw).digest('hex');

describe('a webhook signature', () => {
  it('matches the hex HMAC-SHA256 of the raw body under the client secret', () => {
    expect(verifyWebhookSignature(body, `signature=${sign(body, 's3cret')},algorithm=HMAC-SHA256`, 's3cret')).toBe(true);
    expect(verifyWebhookSignature(body, `algorithm=HMAC-SHA256, signature=${sign(body, 's3cret').toUpperCase()}`, 's3cret')).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['another key', `signature=${sign(body, 'other')},algorithm=HMAC-SHA256`],
    ['another algorithm', `signature=${sign(body, 's3cret')},algorithm=HMAC-SHA1`],
    ['not hex', 'signature=nothex,algorithm=HMAC-SHA256'],
  ])('is refused when %s', (_, header) => {
    expect(verifyWebhookSignature(body, header, 's3cret')).toBe(false);
  });
});

describe('a webhook delivery', () => {
  const raw = Buffer.from('x');
  it('is deduplicated by object id and version when it names both', () => {
    const consignment = JSON.stringify({ id: 'c-1', type: 'OUTLET', status: 'RECEIVED', version: 7 });
    expect(parseWebhookDelivery({ payload: consignment }, raw)).toEqual({
      kind: 'consignment',
      objectId: 'c-1',
      objectVersion: 7,
      dedupeKey: 'consignment:c-1:7',
    });
    expect(parseWebhookDelivery({ payload: JSON.stringify({ id: 'p-1', sku: 'A', version: 3 }) }, raw).dedupeKey).toBe('product:p-1:3');
  });

  it('is deduplicated by a hash of the body otherwise', () => {
    const nulId = JSON.stringify({ id: 'c\u0000', type: 'OUTLET', status: 'SENT', version: 1 });
    for (const fields of [{}, { payload: '{not json' }, { payload: '[1]' }, { payload: JSON.stringify({ id: 'sale-1' }) }, { payload: nulId }]) {
      expect(parseWebhookDelivery(fields, raw)).toMatchObject({ kind: 'unknown', dedupeKey: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    }
  });
});
