import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator.js';
import { RedisHealthIndicator } from './redis.health.js';
import { SyncHealthIndicator } from './sync.health.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly sync: SyncHealthIndicator,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * The process can reach everything it depends on (PostgreSQL, Redis: 503 if not). The sync
   * relay, the worker's heartbeat and the sync backlog are reported beside them but never fail
   * readiness: the API serves transfers while the sync waits (see /health/sync).
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.redis.pingCheck('redis'),
      () => this.sync.relay('syncRelay', 'report'),
      () => this.sync.worker('worker'),
      () => this.sync.backlog('syncBacklog'),
    ]);
  }

  /**
   * Whether committed transfers are reaching Lightspeed: 503 while the outbox relay keeps failing
   * a batch (stalled). For monitoring and alerting, not for a load balancer.
   */
  @Get('sync')
  @HealthCheck()
  syncHealth() {
    return this.health.check([() => this.sync.relay('syncRelay', 'fail')]);
  }
}
