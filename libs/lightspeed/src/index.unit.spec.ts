import { describe, expect, it } from '@jest/globals';
import * as lightspeed from './index.js';

describe('the #lightspeed public surface', () => {
  it('offers the client, the token providers, the StatusMap and the idempotency key', () => {
    for (const name of [
      'LightspeedClient',
      'OAuthTokenProvider',
      'PersonalTokenProvider',
      'CredentialCipher',
      'pagesSince',
      'toLightspeedStatus',
      'fromLightspeedStatus',
      'requestIdempotencyKey',
      'LightspeedError',
      'LightspeedTransportError',
      'LightspeedMappingError',
      'parseRetryAfter',
    ]) {
      expect(lightspeed).toHaveProperty(name);
    }
  });

  it('keeps the Lightspeed JSON mappers to itself', () => {
    const names = Object.keys(lightspeed);
    expect(names.filter((name) => /FromLightspeed|ToLightspeed$/.test(name))).toEqual([]);
  });
});
