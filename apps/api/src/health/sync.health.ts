import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { SYNC_QUEUE_NAME } from '#observability';
import { SyncOverviewService } from '../operations/sync-overview.service.js';

/**
 * The sync relay, the worker's heartbeat and the sync backlog, reported on /health/ready for
 * information only: the API serves transfers without a worker, so a stalled relay, a stale
 * heartbeat or a backlog never takes it out of rotation (alert on /health/ready's details, on
 * `sync_relay_stalled` and on jobs_failed_total instead); what could not be read is named in
 * `error`. /health/sync is the sync's own check: `down` (503) while the relay is stalled.
 */
@Injectable()
export class SyncHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly overview: SyncOverviewService,
  ) {}

  async worker(key: string) {
    const indicator = this.health.check(key);
    try {
      const report = await this.overview.workers();
      return indicator.up({
        workers: report.workers,
        newestHeartbeatAgeSeconds: report.newestAgeSeconds === null ? null : Math.round(report.newestAgeSeconds * 10) / 10,
        stale: report.stale,
      });
    } catch (error) {
      return indicator.up({ workers: null, stale: true, error: (error as Error).message });
    }
  }

  /** `fail`: down while the relay is stalled; `report`: always up, with the same details. */
  async relay(key: string, whenStalled: 'fail' | 'report') {
    const indicator = this.health.check(key);
    let relay;
    try {
      relay = await this.overview.relay();
    } catch (error) {
      return indicator.up({ stalled: null, error: (error as Error).message });
    }
    const details = {
      stalled: relay.stalled,
      failedBatchesInARow: relay.failures,
      failingSince: relay.failingSince?.toISOString() ?? null,
      lastError: relay.lastError,
      setAsideEvents: relay.setAside,
    };
    return relay.stalled && whenStalled === 'fail' ? indicator.down(details) : indicator.up(details);
  }

  async backlog(key: string) {
    const indicator = this.health.check(key);
    const [transfers, queues] = await Promise.allSettled([this.overview.transferCounts(), this.overview.queueCounts()]);
    const sync = queues.status === 'fulfilled' ? queues.value[SYNC_QUEUE_NAME] : undefined;
    return indicator.up({
      pendingTransfers: transfers.status === 'fulfilled' ? transfers.value.PENDING : null,
      failedTransfers: transfers.status === 'fulfilled' ? transfers.value.FAILED : null,
      waitingJobs: sync ? sync.waiting + sync.delayed : null,
      activeJobs: sync ? sync.active : null,
      deadLetteredJobs: sync ? sync.failed : null,
      ...(transfers.status === 'rejected' || queues.status === 'rejected'
        ? { error: [transfers, queues].flatMap((result) => (result.status === 'rejected' ? [(result.reason as Error).message] : [])).join('; ') }
        : {}),
    });
  }
}
