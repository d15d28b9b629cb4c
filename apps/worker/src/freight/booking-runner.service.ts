import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EnvironmentVariables } from '#config';
import { unreceivedCutOff } from '#domain';
import { openBlobStore, type BlobStore, type BlobStoreOptions } from '#evidence';
import { carrierFromSettings } from '#freight';
import { CommandPipeline, Database, freightBacklog, LeaderLock, TransferAggregate } from '#persistence';
import { BookingRunner } from './booking-runner.js';
import { FreightMetrics } from './freight-metrics.js';
import { TrackingPoller } from './tracking-poller.js';

/** How often the runner looks for shipments to book or cancel when FREIGHT_RUNNER_INTERVAL_MS is not set. */
export const DEFAULT_FREIGHT_RUNNER_INTERVAL_MS = 5_000;
/** How often booked shipments on their way are tracked when FREIGHT_TRACKING_POLL_INTERVAL_MS is not set. */
export const DEFAULT_TRACKING_POLL_INTERVAL_MS = 15 * 60_000;

/**
 * Runs the booking runner in the one worker that holds the leader lock (the others stand by); each
 * transfer is also locked on its own, so even two leaders never book one transfer at once. Without a
 * Starshipit configuration it does not run, and says so once.
 */
@Injectable()
export class BookingRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BookingRunner');
  private readonly intervalMs: number;
  private readonly pollIntervalMs: number;
  private readonly unreceivedAfterHours: number | undefined;
  private readonly metrics = new FreightMetrics();
  private readonly leader: LeaderLock;
  private readonly stopping = new AbortController();
  private blobs: BlobStore | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly database: Database,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly pipeline: CommandPipeline,
    private readonly transfers: TransferAggregate,
  ) {
    this.intervalMs = config.get('FREIGHT_RUNNER_INTERVAL_MS', { infer: true }) ?? DEFAULT_FREIGHT_RUNNER_INTERVAL_MS;
    this.pollIntervalMs = config.get('FREIGHT_TRACKING_POLL_INTERVAL_MS', { infer: true }) ?? DEFAULT_TRACKING_POLL_INTERVAL_MS;
    this.unreceivedAfterHours = config.get('FREIGHT_UNRECEIVED_AFTER_HOURS', { infer: true });
    this.leader = new LeaderLock(database, 'freight:booking-runner');
  }

  async onApplicationBootstrap(): Promise<void> {
    const get = <K extends keyof EnvironmentVariables>(name: K) => this.config.get(name, { infer: true }) as EnvironmentVariables[K];
    const carrier = carrierFromSettings({
      STARSHIPIT_BASE_URL: get('STARSHIPIT_BASE_URL'),
      STARSHIPIT_API_KEY: get('STARSHIPIT_API_KEY'),
      STARSHIPIT_SUBSCRIPTION_KEY: get('STARSHIPIT_SUBSCRIPTION_KEY'),
      STARSHIPIT_RATE_LIMIT: get('STARSHIPIT_RATE_LIMIT'),
    });
    if (!carrier) {
      this.logger.warn('freight is not configured (STARSHIPIT_BASE_URL, STARSHIPIT_API_KEY, STARSHIPIT_SUBSCRIPTION_KEY): the booking runner does not run; requested bookings wait');
      return;
    }
    this.blobs = await openBlobStore(blobStoreOptions(get));
    const runner = new BookingRunner(this.database, this.pipeline, this.transfers, carrier, this.blobs, { log: this.logger });
    const poller = new TrackingPoller(this.database, this.pipeline, this.transfers, carrier, { log: this.logger });
    this.logger.log(`booking runner started: every ${this.intervalMs} ms, tracking every ${this.pollIntervalMs} ms, while this worker leads`);
    this.loop = this.run(runner, poller);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    await this.loop;
    await this.leader.release();
    this.blobs?.close();
  }

  private async run(runner: BookingRunner, poller: TrackingPoller): Promise<void> {
    let failures = 0;
    let nextPoll = Date.now();
    while (!this.stopped) {
      try {
        if (await this.leader.holds()) {
          await runner.runOnce();
          if (Date.now() >= nextPoll) {
            await poller.runOnce();
            nextPoll = Date.now() + this.pollIntervalMs;
          }
          this.metrics.show(await this.database.withClient((client) => freightBacklog(client, unreceivedCutOff(this.unreceivedAfterHours, Date.now()))));
        }
        if (failures > 0) this.logger.log(`booking runner resumed after ${failures} failed pass(es)`);
        failures = 0;
        await this.pause(this.intervalMs);
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 50 === 0) this.logger.error(`booking runner pass failed (${failures} in a row): ${(error as Error).message}`);
        await this.pause(Math.min(this.intervalMs * 2 ** Math.min(failures, 6), 60_000));
      }
    }
  }

  /** Waits, or less when the worker is shutting down. */
  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }
}

/** Where evidence bytes are kept: the same store the API keeps photos and signatures in. */
function blobStoreOptions(get: <K extends keyof EnvironmentVariables>(name: K) => EnvironmentVariables[K]): BlobStoreOptions {
  if (get('EVIDENCE_STORE') === 'filesystem') return { store: 'filesystem', directory: get('EVIDENCE_DIR') as string };
  return {
    store: 's3',
    bucket: get('EVIDENCE_S3_BUCKET') as string,
    region: get('EVIDENCE_S3_REGION') as string,
    endpoint: get('EVIDENCE_S3_ENDPOINT'),
    accessKeyId: get('EVIDENCE_S3_ACCESS_KEY_ID'),
    secretAccessKey: get('EVIDENCE_S3_SECRET_ACCESS_KEY'),
    forcePathStyle: get('EVIDENCE_S3_FORCE_PATH_STYLE') === 'true',
  };
}
