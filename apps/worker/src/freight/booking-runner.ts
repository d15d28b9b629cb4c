import { randomUUID } from 'node:crypto';
import { boxWeightG, DomainError, partiesOf, SYSTEM_ROLE, type Actor, type Party, type Shipment, type TransferCommand } from '#domain';
import { blobKeyOf, type BlobStore } from '#evidence';
import {
  bookShipment,
  cancelShipment,
  CarrierError,
  CarrierRejected,
  toCarrierAddress,
  type Address,
  type BookingOptions,
  type NewCarrierOrder,
  type OrderItem,
  type Parcel,
  type StarshipitClient,
} from '#freight';
import {
  addressOf,
  findTransferView,
  listPendingShipments,
  productDimensionsOf,
  shippingAddressesOf,
  storeEvidence,
  withAdvisoryLock,
  type CommandPipeline,
  type Database,
  type PendingShipment,
  type TransferAggregate,
  type TransferView,
  unitWeightsOf,
} from '#persistence';

/** Who records what the carrier answered: the service itself. */
export const BOOKING_RUNNER_ACTOR: Actor = { id: 'booking-runner', name: 'Booking runner', roles: [SYSTEM_ROLE], outlets: [] };

/** What a pass did with one transfer. */
export type BookingStep =
  | 'booked'
  | 'failed'
  | 'cancelled'
  | 'cancellation-refused'
  | 'already-recorded'
  | 'retry-later'
  | 'backing-off'
  | 'busy'
  | 'gone';

export interface BookingPass {
  transferId: string;
  orderNumber: string;
  step: BookingStep;
  detail?: string;
}

export interface BookingRunnerLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface BookingRunnerOptions {
  /** How many pending shipments one pass looks at. */
  batchSize?: number;
  /** The wait before the n-th retry of a transfer the carrier could not serve (default 5 s doubling to 5 min). */
  retryDelayMs?: (failures: number) => number;
  bookingOptions?: BookingOptions;
  log?: BookingRunnerLog;
  now?: () => number;
}

const SILENT: BookingRunnerLog = { log: () => undefined, warn: () => undefined, error: () => undefined };
const defaultRetryDelay = (failures: number) => Math.min(5_000 * 2 ** Math.max(failures - 1, 0), 300_000);
/** The domain keeps a failure's reason up to 1,000 characters. */
const MAX_REASON = 1_000;

/** Something about the transfer itself the carrier cannot take (no address, an unweighed box): booking again later will not help. */
class NotBookable extends Error {}

/**
 * Books and cancels at the carrier what staff asked for, exactly once however often it runs or crashes:
 *
 * - REQUESTED → `bookShipment` (idempotent by order number: it finds an order a crashed pass created),
 *   the label PDFs kept as LABEL evidence, then RecordBooking; a carrier refusal → any order it left
 *   unshipped deleted, then RecordBookingFailure.
 * - CANCELLING → `cancelShipment` → RecordBookingCancelled, or RecordCancellationRefused when delivered.
 *
 * A carrier that is down or rate-limits leaves the shipment as it is, retried with a per-transfer backoff.
 * A per-transfer advisory lock keeps two workers off the same transfer at once.
 */
export class BookingRunner {
  private readonly retries = new Map<string, { failures: number; notBefore: number }>();
  private readonly batchSize: number;
  private readonly retryDelayMs: (failures: number) => number;
  private readonly log: BookingRunnerLog;
  private readonly now: () => number;

  constructor(
    private readonly database: Database,
    private readonly pipeline: CommandPipeline,
    private readonly transfers: TransferAggregate,
    private readonly carrier: StarshipitClient,
    private readonly blobs: BlobStore,
    private readonly options: BookingRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 20;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
    this.log = options.log ?? SILENT;
    this.now = options.now ?? Date.now;
  }

  /** One pass over the shipments waiting for the carrier; what it did with each. */
  async runOnce(): Promise<BookingPass[]> {
    const pending = await this.database.withClient((client) => listPendingShipments(client, this.batchSize));
    const passes: BookingPass[] = [];
    for (const shipment of pending) passes.push(await this.handle(shipment));
    return passes;
  }

  private async handle(pending: PendingShipment): Promise<BookingPass> {
    const { transferId, orderNumber } = pending;
    const retry = this.retries.get(transferId);
    if (retry && retry.notBefore > this.now()) return { transferId, orderNumber, step: 'backing-off' };
    const outcome = await withAdvisoryLock(this.database, `freight-booking:${transferId}`, () => this.act(transferId));
    if (!outcome.held) return { transferId, orderNumber, step: 'busy' };
    const pass = outcome.value;
    if (pass.step === 'retry-later') {
      const failures = (retry?.failures ?? 0) + 1;
      const delay = this.retryDelayMs(failures);
      this.retries.set(transferId, { failures, notBefore: this.now() + delay });
      const say = failures === 1 || failures % 10 === 0 ? this.log.warn : this.log.log;
      say.call(this.log, `shipment ${pass.orderNumber} of transfer ${transferId}: the carrier could not be reached (${pass.detail}); attempt ${failures}, retrying in ${Math.round(delay / 1000)} s`);
    } else {
      this.retries.delete(transferId);
    }
    return pass;
  }

  /** Under the transfer's lock: its shipment as it is now (the lock may have waited on another worker's pass). */
  private async act(transferId: string): Promise<BookingPass> {
    const transfer = await this.database.withClient((client) => findTransferView(client, transferId));
    const shipment = transfer?.shipment ?? null;
    if (!transfer || !shipment || (shipment.status !== 'REQUESTED' && shipment.status !== 'CANCELLING')) {
      return { transferId, orderNumber: shipment?.orderNumber ?? '', step: 'gone' };
    }
    try {
      return shipment.status === 'REQUESTED' ? await this.book(transfer, shipment) : await this.cancel(transfer, shipment);
    } catch (error) {
      if (error instanceof CarrierError) return { transferId, orderNumber: shipment.orderNumber, step: 'retry-later', detail: error.message };
      throw error;
    }
  }

  private async book(transfer: TransferView, shipment: Shipment): Promise<BookingPass> {
    const { orderNumber } = shipment;
    const at = { transferId: transfer.id, orderNumber };
    let order: Omit<NewCarrierOrder, 'orderNumber'>;
    try {
      order = await this.carrierOrderOf(transfer, shipment);
    } catch (error) {
      if (!(error instanceof NotBookable)) throw error;
      return this.fail(at, error.message);
    }
    let booking;
    try {
      booking = await bookShipment(this.carrier, { orderNumber, order }, this.options.bookingOptions);
    } catch (error) {
      if (!(error instanceof CarrierRejected)) throw error;
      // The refusal may come after the order was made (printing its labels): delete it, so the order number
      // is free for the next booking of these boxes and no unshipped order is left behind at the carrier.
      // Unreachable, this throws and the whole booking is tried again later.
      const leftOver = await cancelShipment(this.carrier, { orderNumber });
      const removed = leftOver.outcome === 'DELETED' ? ' (its unshipped order was deleted)' : '';
      return this.fail(at, `Starshipit refused the order: ${wordsOf(error)}${removed}`);
    }
    const labelEvidenceIds: string[] = [];
    for (const pdf of booking.labels) labelEvidenceIds.push(await this.keepLabel(pdf));
    const recorded = await this.record(transfer.id, {
      type: 'RecordBooking',
      orderNumber,
      carrierOrderId: String(booking.orderId),
      carrierName: booking.carrierName || shipment.service.name,
      trackingNumbers: booking.trackingNumbers,
      labelEvidenceIds,
      priceCents: booking.priceCents ?? null,
    });
    if (recorded === 'refused') {
      // Cancelled (or booked) meanwhile: the cancellation pass sees to the carrier order.
      this.log.log(`shipment ${orderNumber} of transfer ${transfer.id}: booked at the carrier (order ${booking.orderId}), but the transfer no longer waits for it; nothing recorded`);
      return { ...at, step: 'already-recorded' };
    }
    this.log.log(`shipment ${orderNumber} of transfer ${transfer.id}: booked with ${booking.carrierName} (order ${booking.orderId}, tracking ${booking.trackingNumbers.join(', ')}, ${labelEvidenceIds.length} label(s))`);
    return { ...at, step: recorded === 'changed' ? 'booked' : 'already-recorded' };
  }

  private async fail(at: { transferId: string; orderNumber: string }, reason: string): Promise<BookingPass> {
    const recorded = await this.record(at.transferId, { type: 'RecordBookingFailure', orderNumber: at.orderNumber, reason: reason.slice(0, MAX_REASON) });
    this.log.warn(`shipment ${at.orderNumber} of transfer ${at.transferId}: booking failed: ${reason}`);
    return { ...at, step: recorded === 'changed' ? 'failed' : 'already-recorded', detail: reason };
  }

  private async cancel(transfer: TransferView, shipment: Shipment): Promise<BookingPass> {
    const { orderNumber } = shipment;
    const at = { transferId: transfer.id, orderNumber };
    const result = await cancelShipment(this.carrier, { orderNumber });
    if (result.outcome === 'REFUSED_DELIVERED') {
      const reason = `Starshipit holds order ${orderNumber} as delivered: it cannot be cancelled`;
      const recorded = await this.record(transfer.id, { type: 'RecordCancellationRefused', orderNumber, reason });
      this.log.warn(`shipment ${orderNumber} of transfer ${transfer.id}: cancellation refused: ${reason}`);
      return { ...at, step: recorded === 'changed' ? 'cancellation-refused' : 'already-recorded', detail: reason };
    }
    const recorded = await this.record(transfer.id, { type: 'RecordBookingCancelled', orderNumber, outcome: result.outcome });
    this.log.log(`shipment ${orderNumber} of transfer ${transfer.id}: cancelled at the carrier (${result.outcome})`);
    return { ...at, step: recorded === 'changed' ? 'cancelled' : 'already-recorded', detail: result.outcome };
  }

  /** Sends a Record* command as the service; a BOOKING_NOT_REQUESTED refusal means the transfer moved on. */
  private async record(transferId: string, command: TransferCommand): Promise<'changed' | 'unchanged' | 'refused'> {
    try {
      const { changed } = await this.pipeline.handle(this.transfers, transferId, command, {
        actor: BOOKING_RUNNER_ACTOR,
        correlationId: randomUUID(),
        causationId: null,
      });
      return changed ? 'changed' : 'unchanged';
    } catch (error) {
      if (error instanceof DomainError && error.code === 'BOOKING_NOT_REQUESTED') return 'refused';
      throw error;
    }
  }

  /** A label PDF as evidence: the bytes in the blob store first, then the row (the same bytes again: the same row). */
  private async keepLabel(pdf: Buffer): Promise<string> {
    const sha256 = blobKeyOf(pdf);
    await this.blobs.put(sha256, pdf, 'application/pdf');
    const { evidence } = await this.database.withClient((client) =>
      storeEvidence(client, { kind: 'LABEL', mediaType: 'application/pdf', byteSize: pdf.length, sha256, uploadedBy: BOOKING_RUNNER_ACTOR.id }),
    );
    return evidence.id;
  }

  /** The carrier order of the transfer's boxes, from its source to its destination's shipping address. */
  private async carrierOrderOf(transfer: TransferView, shipment: Shipment): Promise<Omit<NewCarrierOrder, 'orderNumber'>> {
    const boxes = transfer.boxes.filter((box) => box.contents.length > 0);
    if (boxes.length === 0) throw new NotBookable('The transfer has no packed boxes to ship');
    const [from, to] = partiesOf(transfer);
    const productIds = [...new Set(boxes.flatMap((box) => box.contents.map((item) => item.productId)))];
    const [addresses, dimensions] = await this.database.withClient(async (client) => [await shippingAddressesOf(client, [from, to]), await productDimensionsOf(client, productIds)] as const);
    const carrierAddressOf = (party: Party): Address => {
      const kept = addressOf(addresses, party);
      if (!kept) throw new NotBookable(`No shipping address for ${party.kind} ${party.id}: an admin sets it, then staff book again`);
      return toCarrierAddress(kept);
    };
    const unitWeightG = unitWeightsOf(dimensions);
    const parcels: Parcel[] = boxes.map((box) => {
      const weightGrams = boxWeightG(box, unitWeightG);
      if (weightGrams === null) throw new NotBookable(`Box ${box.label ?? box.boxId} cannot be weighed: weigh it or measure its products, then staff book again`);
      return { weightGrams, lengthMm: box.boxType.innerLengthMm, widthMm: box.boxType.innerWidthMm, heightMm: box.boxType.innerHeightMm, name: box.boxType.name, packagingType: 'Carton' };
    });
    const lines = new Map(transfer.lines.map((line) => [line.productId, line]));
    const quantities = new Map<string, number>();
    for (const item of boxes.flatMap((box) => box.contents)) quantities.set(item.productId, (quantities.get(item.productId) ?? 0) + item.quantity);
    const items: OrderItem[] = [...quantities].map(([productId, quantity]) => {
      const line = lines.get(productId);
      const weightGrams = unitWeightG.get(productId);
      return {
        description: (line?.name ?? line?.sku ?? productId).slice(0, 100),
        quantity,
        ...(line?.sku ? { sku: line.sku } : {}),
        ...(weightGrams === undefined ? {} : { weightGrams }),
      };
    });
    return {
      reference: (transfer.reference ?? `Transfer ${transfer.id}`).slice(0, 50),
      serviceCode: shipment.service.code,
      sender: carrierAddressOf(from),
      destination: carrierAddressOf(to),
      parcels,
      items,
      ...(shipment.currency ? { currency: shipment.currency } : {}),
    };
  }
}

/** Starshipit's own words for a refusal. */
function wordsOf(error: CarrierRejected): string {
  if (error.errors.length === 0) return `HTTP ${error.status}, no reason given`;
  return error.errors.map((entry) => (entry.details ? `${entry.message}: ${entry.details}` : entry.message)).join('; ');
}
