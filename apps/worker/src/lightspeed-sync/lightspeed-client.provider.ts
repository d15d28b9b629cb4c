import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import type { EnvironmentVariables } from '#config';
import {
  DEFAULT_INBOUND_RESERVE_PERCENT,
  LightspeedClient,
  OAuthTokenProvider,
  PersonalTokenProvider,
  storeKey,
  storeKeyPrefix,
  type CallObserver,
  type LightspeedClientOptions,
} from '#lightspeed';
import { SyncMetrics } from '#observability';
import { Database, LightspeedCredentialRows } from '#persistence';

export const LIGHTSPEED_REDIS = Symbol('LightspeedRedis');
export const LIGHTSPEED_CALL_OBSERVER = Symbol('LightspeedCallObserver');

/**
 * The client of the inbound side (webhook reads, polls): same store, budget and pause, but in the
 * inbound lane, which leaves LIGHTSPEED_INBOUND_RESERVE_PERCENT of each window to the outbound sync.
 */
export class InboundLightspeedClient extends LightspeedClient {}

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
    useFactory: (config: ConfigService<EnvironmentVariables, true>, database: Database, redis: Redis, onCall: CallObserver | null) =>
      new LightspeedClient(clientOptions(config, database, redis, onCall)),
  },
  {
    provide: InboundLightspeedClient,
    inject: [ConfigService, LightspeedClient],
    useFactory: (config: ConfigService<EnvironmentVariables, true>, outbound: LightspeedClient) =>
      new InboundLightspeedClient({
        ...outbound.options,
        lane: 'inbound',
        inboundReservePercent: config.get('LIGHTSPEED_INBOUND_RESERVE_PERCENT', { infer: true }) ?? DEFAULT_INBOUND_RESERVE_PERCENT,
      }),
  },
];

function clientOptions(
  config: ConfigService<EnvironmentVariables, true>,
  database: Database,
  redis: Redis,
  onCall: CallObserver | null,
): LightspeedClientOptions {
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
        credentials: new LightspeedCredentialRows(database),
        encryptionKey: config.get('LIGHTSPEED_TOKEN_KEY', { infer: true }),
      });
  return {
    baseUrl,
    tokens,
    redis,
    keyPrefix: storeKeyPrefix(config.get('QUEUE_PREFIX', { infer: true }), baseUrl),
    rateLimit: { requests: config.get('LIGHTSPEED_RATE_LIMIT', { infer: true }) },
    ...(onCall ? { onCall } : {}),
  };
}
