import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, register, type Registry } from 'prom-client';

/** One HTTP attempt to Lightspeed, as the client's `onCall` hook reports it (structurally `LightspeedCall`). */
export interface ObservedLightspeedCall {
  method: string;
  route: string;
  status: number | null;
  durationMs: number;
  error?: string;
}

/** Seconds buckets for jobs: a sync is a few calls of up to a second each, a backfill can take minutes. */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** A metric of this name in the registry, or a new one: many Nest apps may live in one process (tests). */
function singleton<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

/**
 * The sync's Prometheus metrics, defined once for every process: the worker counts jobs and
 * Lightspeed calls, the API (webhook receiver) counts webhooks. Each process serves its own
 * registry (`/metrics` on the API, `WORKER_METRICS_PORT` on a worker); Prometheus sums them.
 */
@Injectable()
export class SyncMetrics {
  /** Job attempts that completed, by queue. */
  readonly jobsProcessed: Counter<'queue'>;
  /** Job attempts that failed, by queue; `final="true"` when no retry is left (dead letter). */
  readonly jobsFailed: Counter<'queue' | 'final'>;
  /** Webhook deliveries received from Lightspeed, by type and outcome (e.g. accepted, rejected). */
  readonly webhooksReceived: Counter<'type' | 'outcome'>;
  /** HTTP attempts to Lightspeed by method, templated route and status (`error` when no answer). */
  readonly lightspeedCalls: Counter<'method' | 'route' | 'status'>;
  readonly lightspeedCallDuration: Histogram<'method' | 'route'>;
  /** How long job attempts take, by queue and outcome (completed, failed). */
  readonly jobDuration: Histogram<'queue' | 'outcome'>;
  /** Relay batches (event store → queue) that failed; each is retried. */
  readonly relayBatchFailures: Counter;
  /** 1 while the relay has failed RELAY_STALLED_AFTER_FAILURES batches in a row, else 0. */
  readonly relayStalled: Gauge;
  /** Events the relay could not turn into a sync job and set aside (relay_set_aside). */
  readonly relaySetAside: Counter;
  /** Transfers whose sync waits for an operator (NEEDS_ATTENTION) now. */
  readonly needsAttention: Gauge;
  /** Times a transfer entered NEEDS_ATTENTION (Lightspeed refused a write it will always refuse). */
  readonly needsAttentionEntered: Counter;
  /** Transfers the relay parked because their sync job could not be queued while the rest of the batch could. */
  readonly relayParked: Counter;

  constructor(registry: Registry = register) {
    const registers = [registry];
    this.jobsProcessed = singleton(registry, 'jobs_processed_total', () =>
      new Counter({ name: 'jobs_processed_total', help: 'Job attempts completed, by queue', labelNames: ['queue'], registers }),
    );
    this.jobsFailed = singleton(registry, 'jobs_failed_total', () =>
      new Counter({
        name: 'jobs_failed_total',
        help: 'Job attempts failed, by queue; final="true" when the job is dead-lettered',
        labelNames: ['queue', 'final'],
        registers,
      }),
    );
    this.webhooksReceived = singleton(registry, 'webhooks_received_total', () =>
      new Counter({
        name: 'webhooks_received_total',
        help: 'Lightspeed webhook deliveries received, by type and outcome',
        labelNames: ['type', 'outcome'],
        registers,
      }),
    );
    this.lightspeedCalls = singleton(registry, 'lightspeed_calls_total', () =>
      new Counter({
        name: 'lightspeed_calls_total',
        help: 'HTTP attempts to Lightspeed by method, templated route and status code ("error" without an answer)',
        labelNames: ['method', 'route', 'status'],
        registers,
      }),
    );
    this.lightspeedCallDuration = singleton(registry, 'lightspeed_call_duration_seconds', () =>
      new Histogram({
        name: 'lightspeed_call_duration_seconds',
        help: 'Duration of HTTP attempts to Lightspeed',
        labelNames: ['method', 'route'],
        buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers,
      }),
    );
    this.jobDuration = singleton(registry, 'job_duration_seconds', () =>
      new Histogram({
        name: 'job_duration_seconds',
        help: 'Duration of job attempts, by queue and outcome',
        labelNames: ['queue', 'outcome'],
        buckets: JOB_BUCKETS,
        registers,
      }),
    );
    this.relayBatchFailures = singleton(registry, 'sync_relay_batch_failures_total', () =>
      new Counter({ name: 'sync_relay_batch_failures_total', help: 'Sync relay batches that failed (each is retried)', registers }),
    );
    this.relayStalled = singleton(registry, 'sync_relay_stalled', () =>
      new Gauge({ name: 'sync_relay_stalled', help: '1 while the sync relay keeps failing the same batch, else 0', registers }),
    );
    this.relaySetAside = singleton(registry, 'sync_relay_set_aside_events_total', () =>
      new Counter({
        name: 'sync_relay_set_aside_events_total',
        help: 'Events the sync relay set aside without a sync job (a non-canonical transfer stream, or a parked transfer)',
        registers,
      }),
    );
    this.relayParked = singleton(registry, 'sync_relay_parked_transfers_total', () =>
      new Counter({
        name: 'sync_relay_parked_transfers_total',
        help: 'Transfers the sync relay parked: their sync job could not be queued while the rest of the batch could',
        registers,
      }),
    );
    this.needsAttention = singleton(registry, 'sync_needs_attention_transfers', () =>
      new Gauge({ name: 'sync_needs_attention_transfers', help: 'Transfers whose sync waits for an operator (NEEDS_ATTENTION)', registers }),
    );
    this.needsAttentionEntered = singleton(registry, 'sync_needs_attention_total', () =>
      new Counter({
        name: 'sync_needs_attention_total',
        help: 'Times a transfer entered NEEDS_ATTENTION: Lightspeed refused a write it will always refuse',
        registers,
      }),
    );
  }

  relayBatchFailed(stalled: boolean): void {
    this.relayBatchFailures.inc();
    this.relayStalled.set(stalled ? 1 : 0);
  }

  relayBatchSucceeded(setAside: number, parkedTransfers = 0): void {
    this.relayStalled.set(0);
    if (setAside > 0) this.relaySetAside.inc(setAside);
    if (parkedTransfers > 0) this.relayParked.inc(parkedTransfers);
  }

  /** Runs one job attempt, counting and timing it; failures are counted by `jobFailed` (it knows whether they are final). */
  async timeJob<T>(queue: string, run: () => Promise<T>): Promise<T> {
    const stop = this.jobDuration.startTimer({ queue });
    try {
      const result = await run();
      stop({ outcome: 'completed' });
      this.jobsProcessed.inc({ queue });
      return result;
    } catch (error) {
      stop({ outcome: 'failed' });
      throw error;
    }
  }

  jobFailed(queue: string, final: boolean): void {
    this.jobsFailed.inc({ queue, final: String(final) });
  }

  webhookReceived(type: string, outcome = 'accepted'): void {
    this.webhooksReceived.inc({ type, outcome });
  }

  /** The LightspeedClient's `onCall` hook. */
  readonly observeLightspeedCall = (call: ObservedLightspeedCall): void => {
    this.lightspeedCalls.inc({ method: call.method, route: call.route, status: call.status === null ? 'error' : String(call.status) });
    this.lightspeedCallDuration.observe({ method: call.method, route: call.route }, call.durationMs / 1000);
  };
}
