import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import type { HealthCheckResult, HealthCheckStatus, HealthIndicatorResult } from '@nestjs/terminus';

/** Each check by name: `{status: 'up' | 'degraded' | 'down', …what it found}`. */
const CHECK: SchemaObject = { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['up', 'degraded', 'down'] } } };
const BY_CHECK = { type: 'object', additionalProperties: CHECK, example: { database: { status: 'up' } } } as const;

/**
 * A health report, described here rather than by @HealthCheck: terminus finds @nestjs/swagger with
 * `require`, which is not always there (Jest's ESM mode), and the document must not depend on it.
 */
export class HealthReportResponse implements HealthCheckResult {
  @ApiProperty({ enum: ['ok', 'degraded', 'error', 'shutting_down'] }) status!: HealthCheckStatus;
  @ApiPropertyOptional({ ...BY_CHECK, description: 'The checks that are up or degraded' }) info?: Partial<HealthIndicatorResult>;
  @ApiPropertyOptional({ ...BY_CHECK, description: 'The checks that are down' }) error?: Partial<HealthIndicatorResult>;
  @ApiProperty({ ...BY_CHECK, description: 'Every check' }) details!: HealthIndicatorResult;
}
