import { randomUUID } from 'node:crypto';
import { DomainError, SYSTEM_ROLE, type Actor } from '#domain';
import { CarrierError, type StarshipitClient, type TrackingInfo } from '#freight';
import { listShipmentsToTrack, type CommandPipeline, type Database, type TrackedShipment, type TransferAggregate } from '#persistence';
import type { BookingRunnerLog } from './booking-runner.js';

/** Who records what the carrier's tracking says when asked: the service itself. */
export const TRACKING_POLLER_ACTOR: Actor = { id: 'tracking-poller', name: 'Tracking poller', roles: [SYSTEM_ROLE], outlets: [] };

export type TrackingStep = 'recorded' | 'unchanged' | 'unavailable' | 'not-ours';

export interface TrackingPass {
  transferId: string;
  trackingNumber: string;
  step: TrackingStep;
}

/**
 * Asks the carrier for the status of each tracking number of the booked shipments still on their way,
 * for the updates webhooks missed. Recording is idempotent (the same status at the same time adds
 * nothing), so a poll that repeats a webhook records nothing.
 */
export class TrackingPoller {
  constructor(
    private readonly database: Database,
    private readonly pipeline: CommandPipeline,
    private readonly transfers: TransferAggregate,
    private readonly carrier: StarshipitClient,
    private readonly options: { batchSize?: number; log?: BookingRunnerLog } = {},
  ) {}

  async runOnce(): Promise<TrackingPass[]> {
    const shipments = await this.database.withClient((client) => listShipmentsToTrack(client, this.options.batchSize ?? 50));
    const passes: TrackingPass[] = [];
    for (const shipment of shipments) {
      for (const trackingNumber of shipment.trackingNumbers) passes.push(await this.poll(shipment, trackingNumber));
    }
    return passes;
  }

  private async poll(shipment: TrackedShipment, trackingNumber: string): Promise<TrackingPass> {
    const at = { transferId: shipment.transferId, trackingNumber };
    let info: TrackingInfo;
    try {
      info = await this.carrier.track({ trackingNumber });
    } catch (error) {
      if (!(error instanceof CarrierError)) throw error;
      this.options.log?.log(`tracking ${trackingNumber} of transfer ${shipment.transferId}: the carrier could not be asked (${error.message}); asking again next time`);
      return { ...at, step: 'unavailable' };
    }
    const latest = info.events.at(-1);
    try {
      const { changed } = await this.pipeline.handle(
        this.transfers,
        shipment.transferId,
        {
          type: 'RecordTrackingUpdate',
          trackingNumber,
          status: info.status,
          rawStatus: info.rawStatus,
          at: info.lastUpdated ?? latest?.at ?? new Date().toISOString(),
          details: latest?.details ?? null,
          source: 'POLL',
        },
        { actor: TRACKING_POLLER_ACTOR, correlationId: randomUUID(), causationId: null },
      );
      return { ...at, step: changed ? 'recorded' : 'unchanged' };
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'UNKNOWN_TRACKING_NUMBER' || error.code === 'TRANSFER_NOT_FOUND')) return { ...at, step: 'not-ours' };
      throw error;
    }
  }
}
