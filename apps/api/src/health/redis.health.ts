import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import type { EnvironmentVariables } from '#config';

/** Reports Redis as up when it answers PING. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly health: HealthIndicatorService,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.redis = new Redis(config.get('REDIS_URL', { infer: true }), {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Connection errors surface through PING; without a listener ioredis would log every retry.
    this.redis.on('error', () => undefined);
  }

  async pingCheck(key: string) {
    const indicator = this.health.check(key);
    try {
      const reply = await this.redis.ping();
      return reply === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected PING reply ${reply}` });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
