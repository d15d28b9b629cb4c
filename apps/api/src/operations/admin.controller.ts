import { Controller, ForbiddenException, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import type { FastifyRequest } from 'fastify';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { mayPerform } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { ReleaseParkedTransferCommand } from './release-parked-transfer.command.js';
import { RetryJobCommand } from './retry-job.command.js';
import { GetSyncHistoryQuery, GetSyncStatusQuery } from './sync-status.query.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { ReleasedTransferResponse, RetriedJobResponse, SyncHistoryResponse, SyncStatusResponse } from './operations.response.js';

export class SyncStatusQueryDto {
  @ApiPropertyOptional({ description: 'the window of the rates, in minutes', default: 15, minimum: 1, maximum: 1440 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  windowMinutes: number = 15;

  @ApiPropertyOptional({ description: 'how many recent failures to list', default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  failures: number = 20;
}

export class SyncHistoryQueryDto {
  @ApiPropertyOptional({ description: 'how many minutes back, the current one included', default: 60, minimum: 1, maximum: 1440 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes: number = 60;
}

export class JobIdParams {
  @ApiProperty({ description: "a Bull job id, as listed in sync-status's recentFailures" })
  @Matches(/^[\w:.-]{1,200}$/, { message: 'id must be a job id' })
  id!: string;
}

/** Operations: how the Lightspeed sync is doing, and retrying what it gave up on. Admins only. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class AdminController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get('sync-status')
  @ApiOperation({ summary: 'Queue depth, rates, recent failures, inbound sync and worker heartbeats' })
  @ApiAnswers({ type: SyncStatusResponse, description: 'How the Lightspeed sync is doing' }, [400, 401, 403, 429, 503])
  syncStatus(@Query() query: SyncStatusQueryDto, @CurrentActor() actor: Actor) {
    requireAdmin(actor);
    return this.queries.execute(new GetSyncStatusQuery(query.windowMinutes, query.failures));
  }

  @Get('sync-history')
  @ApiOperation({ summary: 'Job attempts completed and failed per queue and minute, kept by the service for 24 hours' })
  @ApiAnswers({ type: SyncHistoryResponse, description: 'Per queue, a series of minutes, oldest first' }, [400, 401, 403, 429, 503])
  syncHistory(@Query() query: SyncHistoryQueryDto, @CurrentActor() actor: Actor) {
    requireAdmin(actor);
    return this.queries.execute(new GetSyncHistoryQuery(query.minutes));
  }

  @Post('jobs/:id/retry')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Retry a dead-lettered job; its transfer goes back to PENDING',
    description: "Audited: the transfer's history records a RetrySync command by the caller (its SyncRetried event), committed with the requeue.",
  })
  @ApiAnswers({ status: 202, type: RetriedJobResponse, description: 'The job is back on its queue' }, [400, 401, 403, 404, 409, 429, 503])
  retry(@Param() params: JobIdParams, @CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    requireAdmin(actor);
    return this.commands.execute(new RetryJobCommand(params.id, actor, request.id));
  }

  @Post('relay/parked/:transferId/release')
  @HttpCode(202)
  @ApiOperation({ summary: 'Put a transfer the sync relay parked back on the sync queue (after fixing the cause)' })
  @ApiAnswers({ status: 202, type: ReleasedTransferResponse, description: 'The parked events are back on the sync queue' }, [400, 401, 403, 404, 429, 503])
  releaseParked(@Param('transferId', uuidParam('transferId')) transferId: string, @CurrentActor() actor: Actor) {
    requireAdmin(actor);
    return this.commands.execute(new ReleaseParkedTransferCommand(transferId, actor.id));
  }
}

function requireAdmin(actor: Actor): void {
  if (!mayPerform(actor, 'admin')) throw new ForbiddenException('Only admins may use the operations routes');
}
