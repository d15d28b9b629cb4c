import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { HealthReportResponse } from './health.response.js';
import { RedisHealthIndicator } from './redis.health.js';
import { SyncHealthIndicator } from './sync.health.js';

const HEALTH_REPORT = { type: HealthReportResponse, description: 'Every check passed' };

/** A failed check is answered as problem+json, with the report under `health`. */
const HEALTH_REFUSALS = {
  400: 'A query string no route can take (a NUL character, a lone surrogate)',
  503: 'A check failed: the report is under `health` (SERVICE_UNAVAILABLE)',
};

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
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness: the process is up and serving HTTP' })
  @ApiAnswers(HEALTH_REPORT, HEALTH_REFUSALS)
  live() {
    return this.health.check([]);
  }

  /**
   * The process can reach everything it depends on (PostgreSQL, Redis: 503 if not). The sync
   * relay, the worker's heartbeat and the sync backlog are reported beside them but never fail
   * readiness: the API serves transfers while the sync waits (see /health/sync).
   */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer (503 if not); the sync is reported beside them' })
  @ApiAnswers(HEALTH_REPORT, HEALTH_REFUSALS)
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
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Whether committed transfers reach Lightspeed: 503 while the outbox relay keeps failing a batch' })
  @ApiAnswers(HEALTH_REPORT, HEALTH_REFUSALS)
  syncHealth() {
    return this.health.check([() => this.sync.relay('syncRelay', 'fail')]);
  }
}
