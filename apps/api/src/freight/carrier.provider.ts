import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { carrierFromSettings, type StarshipitClient } from '#freight';
import type { EnvironmentVariables } from '#config';

/** The Starshipit client, or null when freight is not configured (no base URL or keys). */
export const CARRIER = Symbol('CARRIER');

export { DEFAULT_STARSHIPIT_RATE_LIMIT } from '#freight';

export const carrierProvider: Provider = {
  provide: CARRIER,
  inject: [ConfigService],
  useFactory: (config: ConfigService<EnvironmentVariables, true>): StarshipitClient | null =>
    carrierFromSettings({
      STARSHIPIT_BASE_URL: config.get('STARSHIPIT_BASE_URL', { infer: true }),
      STARSHIPIT_API_KEY: config.get('STARSHIPIT_API_KEY', { infer: true }),
      STARSHIPIT_SUBSCRIPTION_KEY: config.get('STARSHIPIT_SUBSCRIPTION_KEY', { infer: true }),
      STARSHIPIT_RATE_LIMIT: config.get('STARSHIPIT_RATE_LIMIT', { infer: true }),
    }),
};
