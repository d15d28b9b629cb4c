import { describe, expect, it } from '@jest/globals';
import { failedCallOf, LightspeedError, LightspeedMappingError, LightspeedTransportError } from './errors.js';

describe('the failed call behind an error, as a log line shows it', () => {
  it('names the call, the status and the body of an answer, cut at 300 characters', () => {
    expect(failedCallOf(new LightspeedError(503, { error: 'Service Unavailable' }, 'POST', '/consignments'))).toEqual({
      call: 'POST /consignments',
      status: 503,
      answer: '{"error":"Service Unavailable"}',
    });
    const long = 'x'.repeat(400);
    const error = new LightspeedError(422, long, 'PUT', '/consignments/c1');
    expect(failedCallOf(error)?.answer).toBe(`${'x'.repeat(300)}…`);
    expect(error.message).toBe(`Lightspeed PUT /consignments/c1 answered 422: ${'x'.repeat(300)}…`);
    expect(failedCallOf(new LightspeedError(500, null, 'GET', '/consignments'))).toEqual({ call: 'GET /consignments', status: 500, answer: '' });
  });

  it('says timeout or network when no answer came, and nothing for other errors', () => {
    expect(failedCallOf(new LightspeedTransportError('timeout', 'GET', '/products', true))).toEqual({ call: 'GET /products', answer: 'timeout' });
    expect(failedCallOf(new LightspeedMappingError('count', 'not a whole number'))).toBeNull();
    expect(failedCallOf(new Error('PostgreSQL is down'))).toBeNull();
  });
});
