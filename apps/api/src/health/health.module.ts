import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { OperationsModule } from '../operations/operations.module.js';
import { RedisHealthIndicator } from './redis.health.js';
import { SyncHealthIndicator } from './sync.health.js';

@Module({
  imports: [TerminusModule, OperationsModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, SyncHealthIndicator],
})
export class HealthModule {}
