import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openApiFixture, type ApiFixture } from '../support/api-fixture.js';

/** What a browser gets from the API: hardening headers, and CORS only for the configured origins. */
describe('HTTP hardening', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApiFixture({ CORS_ORIGINS: 'https://cis.example.com,https://ops.example.com' });
  });
  afterAll(() => api?.close());

  it('sends security headers on every answer, errors included', async () => {
    for (const response of [await api.http().get('/health/live'), await api.http().get('/api/v1/transfers')]) {
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringMatching(/max-age=\d+/),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
      });
    }
  });

  it('still serves the API docs page under its content security policy', async () => {
    const page = await api.http().get('/api/docs/').redirects(1);
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger');
  });

  it('answers a preflight from an allowed origin, exposing the headers clients need', async () => {
    const preflight = await api
      .http()
      .options('/api/v1/transfers')
      .set('origin', 'https://ops.example.com')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization,content-type,idempotency-key,if-match');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://ops.example.com');
    expect(preflight.headers['access-control-allow-headers']).toContain('idempotency-key');
    const read = await api.http().get('/api/v1/transfers').set('origin', 'https://cis.example.com').set(api.as('ann', ['manager']));
    expect(read.headers['access-control-allow-origin']).toBe('https://cis.example.com');
    expect(read.headers['access-control-expose-headers']).toContain('etag');
  });

  it('gives any other origin no CORS headers, so browsers refuse the response', async () => {
    const preflight = await api
      .http()
      .options('/api/v1/transfers')
      .set('origin', 'https://evil.example.net')
      .set('access-control-request-method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const read = await api.http().get('/api/v1/transfers').set('origin', 'https://evil.example.net').set(api.as('ann', ['manager']));
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });
});
