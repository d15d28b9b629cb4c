import { describe, expect, it } from '@jest/globals';
import { CarrierAuthError, CarrierRateLimited, CarrierRejected, CarrierUnavailable, isDuplicateOrderRejection } from '../errors.js';
import { errorOfAnswer } from './answer.mapping.js';

const answer = (status: number, body: unknown, retryAfterMs: number | null = null) => errorOfAnswer({ status, body, retryAfterMs }, 'POST /api/orders');

describe('errorOfAnswer', () => {
  it('is null for a success, with success true, 1, "true" or absent', () => {
    expect(answer(200, { success: true })).toBeNull();
    expect(answer(200, { success: 1, order: {} })).toBeNull();
    expect(answer(200, { success: 'true' })).toBeNull();
    expect(answer(200, { rates: [] })).toBeNull();
    expect(answer(204, null)).toBeNull();
  });

  it('reads the business shape on a 4xx and on a 200 (success false or 0)', () => {
    const body = { success: false, errors: [{ message: 'Validation failed', details: 'post_code is required' }] };
    for (const [status, shape] of [[400, body], [200, body], [200, { ...body, success: 0 }]] as const) {
      const error = answer(status, shape);
      expect(error).toBeInstanceOf(CarrierRejected);
      expect(error).toMatchObject({ status, reason: 'Validation failed', details: 'post_code is required' });
    }
    expect(answer(200, { success: false, errors: ['Order Exists'] })).toMatchObject({ reason: 'Order Exists' });
    expect(answer(200, { success: false, errors: [{ details: 'only details' }, 7] })).toMatchObject({ reason: 'only details', details: '' });
    expect(answer(422, { success: false })).toMatchObject({ errors: [], message: expect.stringContaining('no reason given') });
  });

  it('reads the gateway shape, also when it comes with a 200', () => {
    expect(answer(401, { statusCode: 401, message: 'Access denied due to invalid subscription key.' })).toBeInstanceOf(CarrierAuthError);
    expect(answer(200, { statusCode: '403', message: 'Forbidden' })).toMatchObject({ name: 'CarrierAuthError', status: 403, detail: 'Forbidden' });
    expect(answer(429, { statusCode: 429, message: 'Rate limit is exceeded.' }, 1500)).toMatchObject({ name: 'CarrierRateLimited', retryAfterMs: 1500 });
    expect(answer(200, { statusCode: 200, message: 'fine' })).toBeNull();
    expect(answer(503, { statusCode: 503, message: 'Service Unavailable' })).toMatchObject({ name: 'CarrierUnavailable', kind: 'status', status: 503, outcomeUnknown: true });
  });

  it('keeps the text of a non-JSON error page', () => {
    expect(answer(502, '<html>Bad gateway</html>')).toBeInstanceOf(CarrierUnavailable);
    expect(answer(404, 'Not Found')).toMatchObject({ name: 'CarrierRejected', reason: 'Not Found' });
    expect(answer(400, '  ')).toMatchObject({ errors: [] });
    expect(answer(429, null)).toBeInstanceOf(CarrierRateLimited);
  });

  it('recognises a duplicate order by its 409 or its words', () => {
    expect(isDuplicateOrderRejection(answer(409, { success: false, errors: [{ message: 'Conflict', details: '' }] }))).toBe(true);
    for (const words of ['Order already exists', 'Order Exists', 'Duplicate order']) {
      expect(isDuplicateOrderRejection(answer(200, { success: false, errors: [{ message: words, details: '' }] }))).toBe(true);
    }
    expect(isDuplicateOrderRejection(answer(400, { success: false, errors: [{ message: 'Validation failed', details: 'x' }] }))).toBe(false);
    expect(isDuplicateOrderRejection(new Error('Duplicate'))).toBe(false);
  });
});
