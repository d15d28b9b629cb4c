import { StarshipitClient } from './starshipit-client.js';

/** Starshipit's Developer subscription allows 2 calls per second. */
export const DEFAULT_STARSHIPIT_RATE_LIMIT = 2;

export interface CarrierSettings {
  STARSHIPIT_BASE_URL?: string | undefined;
  STARSHIPIT_API_KEY?: string | undefined;
  STARSHIPIT_SUBSCRIPTION_KEY?: string | undefined;
  STARSHIPIT_RATE_LIMIT?: number | undefined;
}

/** The Starshipit client of the configuration, or null when freight is not configured (no base URL or keys). */
export function carrierFromSettings(settings: CarrierSettings): StarshipitClient | null {
  const { STARSHIPIT_BASE_URL: baseUrl, STARSHIPIT_API_KEY: apiKey, STARSHIPIT_SUBSCRIPTION_KEY: subscriptionKey } = settings;
  if (!baseUrl || !apiKey || !subscriptionKey) return null;
  const perSecond = settings.STARSHIPIT_RATE_LIMIT ?? DEFAULT_STARSHIPIT_RATE_LIMIT;
  return new StarshipitClient({ baseUrl, apiKey, subscriptionKey, timeoutMs: 15_000, rateLimit: { requestsPerSecond: perSecond } });
}
