import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { API_KEY, CarrierClient, startTestSandbox, SUBSCRIPTION_KEY, type TestSandbox } from '../testing/carrier-client.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ apiKeys: [API_KEY, 'child-account-key'] });
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

const client = (keys: { apiKey?: string; subscriptionKey?: string }) => new CarrierClient(t.sandbox.url, keys);
const SUBSCRIPTION_DENIED = {
  statusCode: 401,
  message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
};

describe('keys', () => {
  it.each([
    ['no subscription key', { apiKey: API_KEY }],
    ['a wrong subscription key', { apiKey: API_KEY, subscriptionKey: 'nope' }],
    ['no key at all', {}],
  ])('answers %s with the gateway 401', async (_name, keys) => {
    expect(await client(keys).get('/api/health')).toMatchObject({ status: 401, body: SUBSCRIPTION_DENIED });
  });

  it.each([
    ['no API key', { subscriptionKey: SUBSCRIPTION_KEY }],
    ['a wrong API key', { apiKey: 'nope', subscriptionKey: SUBSCRIPTION_KEY }],
  ])('answers %s with a 403 in the gateway shape', async (_name, keys) => {
    const response = await client(keys).get('/api/health');
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ statusCode: 403, message: expect.stringContaining('StarShipIT-Api-Key') });
  });

  it('accepts both keys (header names are case-insensitive) on /api/health', async () => {
    const lowerCase = client({ subscriptionKey: SUBSCRIPTION_KEY });
    const response = await lowerCase.request('GET', '/api/health', undefined, { 'starshipit-api-key': API_KEY });
    expect(response).toMatchObject({ status: 200, body: { success: true } });
  });

  it('keeps each API key its own account: order numbers and lookups do not cross', async () => {
    const child = client({ apiKey: 'child-account-key', subscriptionKey: SUBSCRIPTION_KEY });
    const created = await t.api.post('/api/orders', { order: { order_number: 'SAME' } });
    expect((await child.post('/api/orders', { order: { order_number: 'SAME' } })).status).toBe(200);
    expect((await child.get(`/api/orders?order_id=${created.body.order.order_id}`)).status).toBe(404);
  });
});

describe('media type and unknown routes', () => {
  it('refuses a body that is not application/json with 415 in the business shape', async () => {
    const response = await t.api.request('POST', '/api/orders', 'order_number=1', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(response).toMatchObject({
      status: 415,
      body: { success: false, errors: [{ message: 'Unsupported Media Type', details: 'Content-Type must be application/json' }] },
    });
  });

  it('answers malformed JSON with a 400 business error', async () => {
    const response = await t.api.request('POST', '/api/orders', '{"order":');
    expect(response).toMatchObject({ status: 400, body: { success: false, errors: [{ details: 'The request body is not valid JSON' }] } });
  });

  it('answers a body over the size limit with its 4xx in the business shape', async () => {
    const response = await t.api.post('/api/orders', { order: { order_number: 'BIG', reference: 'x'.repeat(1_100_000) } });
    expect(response).toMatchObject({ status: 413, body: { success: false, errors: [{ message: 'Invalid request' }] } });
  });

  it('answers an unknown path with the gateway 404', async () => {
    expect(await t.api.get('/api/nothing-here')).toMatchObject({ status: 404, body: { statusCode: 404, message: 'Resource not found' } });
  });
});
