import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import type { EnvironmentVariables } from '#config';
import { LightspeedClient, OAuthTokenProvider, PersonalTokenProvider, type CallObserver } from '#lightspeed';
import { SyncMetrics } from '#observability';
import { Database } from '#persistence';

export const LIGHTSPEED_REDIS = Symbol('LightspeedRedis');
export const LIGHTSPEED_CALL_OBSERVER = Symbol('LightspeedCallObserver');

/** The store's key in Redis and in lightspeed_credentials: its host, e.g. shop.retail.lightspeed.app. */
export function storeKey(baseUrl: string): string {
  return new URL(baseUrl).host;
}

/** Closes the limiter's Redis connection with the process. */
@Injectable()
export class LightspeedRedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(LIGHTSPEED_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One client per process; its rate budget and 429 pause are shared with every other worker through Redis. */
export const LIGHTSPEED_PROVIDERS: Provider[] = [
  {
    provide: LIGHTSPEED_REDIS,
    inject: [ConfigService],
    useFactory: (config: ConfigService<EnvironmentVariables, true>) =>
      new Redis(config.get('REDIS_URL', { infer: true }), { lazyConnect: false, maxRetriesPerRequest: 3 }),
  },
  LightspeedRedisShutdown,
  // Every HTTP attempt to Lightspeed is counted in lightspeed_calls_total{method,route,status}.
  { provide: LIGHTSPEED_CALL_OBSERVER, inject: [SyncMetrics], useFactory: (metrics: SyncMetrics): CallObserver => metrics.observeLightspeedCall },
  {
    provide: LightspeedClient,
    inject: [ConfigService, Database, LIGHTSPEED_REDIS, LIGHTSPEED_CALL_OBSERVER],
    useFactory: (
      config: ConfigService<EnvironmentVariables, true>,
      database: Database,
      redis: Redis,
      onCall: CallObserver | null,
    ) => {
      const baseUrl = config.get('LIGHTSPEED_BASE_URL', { infer: true });
      const store = storeKey(baseUrl);
      const personalToken = config.get('LIGHTSPEED_PERSONAL_TOKEN', { infer: true });
      const tokens = personalToken
        ? new PersonalTokenProvider(personalToken)
        : new OAuthTokenProvider({
            baseUrl,
            store,
            clientId: config.get('LIGHTSPEED_CLIENT_ID', { infer: true }),
            clientSecret: config.get('LIGHTSPEED_CLIENT_SECRET', { infer: true }),
            initialRefreshToken: config.get('LIGHTSPEED_REFRESH_TOKEN', { infer: true }),
            database,
            encryptionKey: config.get('LIGHTSPEED_TOKEN_KEY', { infer: true }),
          });
      return new LightspeedClient({
        baseUrl,
        tokens,
        redis,
        keyPrefix: `${config.get('QUEUE_PREFIX', { infer: true })}:lightspeed:${store}`,
        rateLimit: { requests: config.get('LIGHTSPEED_RATE_LIMIT', { infer: true }) },
        ...(onCall ? { onCall } : {}),
      });
    },
  },
];
