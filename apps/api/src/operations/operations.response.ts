import { ApiProperty } from '@nestjs/swagger';
import type { ReleasedTransfer } from './release-parked-transfer.command.js';
import type { RetriedJob } from './retry-job.command.js';
import type { JobFailure, SyncStatusReport } from './sync-overview.service.js';

/** Counts and reports keyed by name; their members are described in docs/runbooks/operations.md. */
const REPORT = { type: 'object', additionalProperties: true } as const;

export class JobFailureResponse implements JobFailure {
  @ApiProperty() queue!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ type: String, nullable: true }) transferId!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) failedAt!: string | null;
}

export class SyncStatusResponse implements SyncStatusReport {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ ...REPORT, description: 'Job counts per queue (waiting, active, completed, failed, delayed, paused)' }) queues!: SyncStatusReport['queues'];
  @ApiProperty({ ...REPORT, description: 'Transfers per sync status' }) transfers!: SyncStatusReport['transfers'];
  @ApiProperty({ ...REPORT, description: 'Processed and failed jobs in the window, attempts per queue, error rate' }) rates!: SyncStatusReport['rates'];
  @ApiProperty({ type: [JobFailureResponse] }) recentFailures!: JobFailureResponse[];
  @ApiProperty({ type: 'array', items: REPORT, description: "Transfers whose sync waits for an operator: Lightspeed's refusal and what to do" })
  needsAttention!: SyncStatusReport['needsAttention'];
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
