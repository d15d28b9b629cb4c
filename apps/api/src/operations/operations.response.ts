import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { ReleasedTransfer } from './release-parked-transfer.command.js';
import type { RetriedJob } from './retry-job.command.js';
import type { AttentionNeeded, SyncStatusCounts } from '#persistence';
import type { AttemptCounts } from '#observability';
import type { JobFailure, QueueCounts, SyncRates, SyncStatusReport } from './sync-overview.service.js';

/** Reports whose members are described in docs/runbooks/operations.md. */
const REPORT = { type: 'object', additionalProperties: true } as const;

export class JobFailureResponse implements JobFailure {
  @ApiProperty() queue!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ type: String, nullable: true }) transferId!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) failedAt!: string | null;
}

export class QueueCountsResponse implements QueueCounts {
  @ApiProperty() waiting!: number;
  @ApiProperty() active!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() delayed!: number;
  @ApiProperty() paused!: number;
}

export class SyncStatusCountsResponse implements SyncStatusCounts {
  @ApiProperty() PENDING!: number;
  @ApiProperty() SYNCED!: number;
  @ApiProperty() FAILED!: number;
  @ApiProperty() NEEDS_ATTENTION!: number;
}

export class AttemptCountsResponse implements AttemptCounts {
  @ApiProperty() completed!: number;
  @ApiProperty() failed!: number;
}

export class SyncRatesResponse implements SyncRates {
  @ApiProperty() windowMinutes!: number;
  @ApiProperty({ description: "Jobs completed in the window (from Bull's completed set, which keeps the newest 1000)" }) processed!: number;
  @ApiProperty({ description: 'Jobs dead-lettered in the window' }) failed!: number;
  @ApiProperty() processedPerMinute!: number;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(AttemptCountsResponse) }, description: 'Job attempts that ended in the window, per queue' })
  attempts!: Record<string, AttemptCountsResponse>;
  @ApiProperty({ type: Number, nullable: true, description: 'Failed attempts ÷ attempts over both queues, each retry counted; null when no attempt ended' })
  errorRate!: number | null;
}

export class AttentionNeededResponse implements AttentionNeeded {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ type: String, nullable: true }) consignmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "Lightspeed's refusal" }) error!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What an operator should do' }) action!: string | null;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

@ApiExtraModels(AttemptCountsResponse, QueueCountsResponse)
export class SyncStatusResponse implements SyncStatusReport {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(QueueCountsResponse) }, description: 'Job counts per queue' })
  queues!: Record<string, QueueCountsResponse>;
  @ApiProperty({ type: SyncStatusCountsResponse, description: 'Transfers per sync status' }) transfers!: SyncStatusCountsResponse;
  @ApiProperty({ type: SyncRatesResponse }) rates!: SyncRatesResponse;
  @ApiProperty({ type: [JobFailureResponse] }) recentFailures!: JobFailureResponse[];
  @ApiProperty({ type: [AttentionNeededResponse], description: 'Transfers whose sync waits for an operator, oldest first' })
  needsAttention!: AttentionNeededResponse[];
  @ApiProperty({ ...REPORT, description: 'The inbound sync: polls, webhooks and divergences' }) inbound!: SyncStatusReport['inbound'];
  @ApiProperty({ ...REPORT, description: "The workers' heartbeats" }) workers!: SyncStatusReport['workers'];
  @ApiProperty({ ...REPORT, description: 'The outbox relay: whether it keeps failing a batch, and the events it set aside' }) relay!: SyncStatusReport['relay'];
}

export class RetriedJobResponse implements RetriedJob {
  @ApiProperty() queue!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ type: String, nullable: true }) transferId!: string | null;
  @ApiProperty({ example: 'waiting' }) state!: string;
  @ApiProperty({ description: "Whether the transfer's sync state went from FAILED back to PENDING" }) transferRequeued!: boolean;
}

export class ReleasedTransferResponse implements ReleasedTransfer {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ description: 'The parked events put back' }) events!: number;
  @ApiProperty({ description: "The version the new job syncs to (the transfer's newest)" }) version!: number;
  @ApiProperty() jobId!: string;
}
