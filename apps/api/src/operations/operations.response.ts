import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { ReleasedTransfer } from './release-parked-transfer.command.js';
import type { RetriedJob } from './retry-job.command.js';
import { STATUSES, TRANSFER_TYPES, type Status, type TransferType } from '#domain';
import type { AttemptCounts, HeartbeatReport, MinuteAttempts, WorkerHeartbeat } from '#observability';
import type { BudgetUse } from '#lightspeed';
import type { AttentionNeeded, InboundSyncOverview, SetAsideEvent, SyncLag, SyncStatusCounts, TransferDivergence } from '#persistence';
import { LightspeedDivergenceResponse } from '../transfers/responses/transfer.response.js';
import type { JobFailure, QueueCounts, RelayReport, SyncHistoryReport, SyncRates, SyncStatusReport } from './sync-overview.service.js';

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

export class MinuteAttemptsResponse implements MinuteAttempts {
  @ApiProperty({ format: 'date-time', description: 'The start of the minute' }) at!: string;
  @ApiProperty({ description: 'Job attempts that completed in the minute' }) completed!: number;
  @ApiProperty({ description: 'Job attempts that failed in the minute, each retry counted' }) failed!: number;
}

@ApiExtraModels(MinuteAttemptsResponse)
export class SyncHistoryResponse implements SyncHistoryReport {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: 'How many minutes each series covers' }) minutes!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(MinuteAttemptsResponse) } },
    description: 'Per queue, one entry per minute, oldest first; the last is the current, unfinished minute',
  })
  queues!: Record<string, MinuteAttemptsResponse[]>;
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

export class PollerCursorResponse {
  @ApiProperty({ example: 'consignments' }) resource!: string;
  @ApiProperty({ description: 'The Lightspeed version read up to' }) version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TransferDivergenceResponse implements TransferDivergence {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ enum: TRANSFER_TYPES }) type!: TransferType;
  @ApiProperty({ enum: STATUSES }) status!: Status;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: LightspeedDivergenceResponse }) divergence!: LightspeedDivergenceResponse;
}

export class InboundSyncResponse implements InboundSyncOverview {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastWebhookAt!: string | null;
  @ApiProperty() webhooksLastHour!: number;
  @ApiProperty({ description: 'Webhook deliveries whose processing recorded an error' }) webhookErrors!: number;
  @ApiProperty({ type: [PollerCursorResponse] }) pollerCursors!: PollerCursorResponse[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The last poll that found something' }) pollerLastMovedAt!: string | null;
  @ApiProperty({ type: [TransferDivergenceResponse], description: 'Open differences with Lightspeed, newest first (at most 50)' }) divergences!: TransferDivergenceResponse[];
}

export class WorkerHeartbeatResponse implements WorkerHeartbeat {
  @ApiProperty({ description: '<hostname>-<pid>' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() ageSeconds!: number;
}

export class HeartbeatReportResponse implements HeartbeatReport {
  @ApiProperty() workers!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds since the newest heartbeat; null when no worker has one alive' }) newestAgeSeconds!: number | null;
  @ApiProperty() stale!: boolean;
  @ApiProperty({ type: [WorkerHeartbeatResponse] }) heartbeats!: WorkerHeartbeatResponse[];
}

export class SetAsideEventResponse implements SetAsideEvent {
  @ApiProperty() globalPosition!: number;
  @ApiProperty() streamId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ type: String, nullable: true }) transferId!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) setAsideAt!: string;
}

export class RelayReportResponse implements Omit<RelayReport, 'failingSince'> {
  @ApiProperty({ description: 'Batches that failed in a row since the last one that went through' }) failures!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) failingSince!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() stalled!: boolean;
  @ApiProperty({ description: 'Events set aside without a sync job and not put back' }) setAside!: number;
  @ApiProperty({ type: [SetAsideEventResponse], description: 'The newest of them, newest first' }) setAsideEvents!: SetAsideEventResponse[];
}

export class BudgetUseResponse implements BudgetUse {
  @ApiProperty({ description: 'Requests the service may send to the store per window (LIGHTSPEED_RATE_LIMIT)' }) limit!: number;
  @ApiProperty({ description: 'Requests sent in the current window, by every worker' }) used!: number;
  @ApiProperty({ example: 300 }) windowSeconds!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the budget is whole again; null when no request opened a window' })
  resetsAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: "When a pause after Lightspeed's 429 ends; null when not paused" })
  pausedUntil!: string | null;
}

export class RelayLagResponse {
  @ApiProperty({ description: 'Committed events the relay has not read yet (counted up to 10,000)' }) waitingEvents!: number;
  @ApiProperty({ description: 'Seconds the oldest of them has waited since its commit; 0 when none waits' }) oldestWaitingSeconds!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Commit → job queued, in seconds, for the newest event the relay has read' })
  lastQueuedAfterSeconds!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastMovedAt!: string | null;
}

export class MirrorLagResponse {
  @ApiProperty({ description: 'Transfers whose newest change Lightspeed does not mirror yet' }) pendingTransfers!: number;
  @ApiProperty({ description: 'Seconds since the commit of the oldest change still pending; 0 when none is' }) oldestPendingSeconds!: number;
  @ApiProperty({ description: 'Transfers mirrored in the last hour' }) syncedLastHour!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Commit → mirrored, in seconds, median over the last hour' }) medianSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Commit → mirrored, in seconds, longest over the last hour' }) maxSeconds!: number | null;
}

export class SyncLagResponse implements SyncLag {
  @ApiProperty({ type: RelayLagResponse, description: 'Commit → sync job queued' }) relay!: RelayLagResponse;
  @ApiProperty({ type: MirrorLagResponse, description: 'Commit → mirrored in Lightspeed' }) sync!: MirrorLagResponse;
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
  @ApiProperty({ type: InboundSyncResponse }) inbound!: InboundSyncResponse;
  @ApiProperty({ type: HeartbeatReportResponse }) workers!: HeartbeatReportResponse;
  /** The report's Date is sent as its ISO string. */
  @ApiProperty({ type: RelayReportResponse }) relay!: SyncStatusReport['relay'];
  @ApiProperty({ type: BudgetUseResponse, nullable: true, description: "The store's request budget in the current 5-minute window" })
  lightspeedBudget!: BudgetUseResponse | null;
  @ApiProperty({ type: SyncLagResponse }) lag!: SyncLagResponse;
}

export class RetriedJobResponse implements RetriedJob {
  @ApiProperty() queue!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ type: String, nullable: true }) transferId!: string | null;
  @ApiProperty({ example: 'waiting' }) state!: string;
  @ApiProperty({ description: "Whether the transfer's sync state went from FAILED back to PENDING" }) transferRequeued!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: "The transfer's version whose SyncRetried event records the retry; null for a job of no transfer" })
  recordedAtVersion!: number | null;
}

export class ReleasedTransferResponse implements ReleasedTransfer {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ description: 'The parked events put back' }) events!: number;
  @ApiProperty({ description: "The version the new job syncs to (the transfer's newest)" }) version!: number;
  @ApiProperty() jobId!: string;
}
