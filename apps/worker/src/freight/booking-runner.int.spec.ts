import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Party, ShippingAddress, TransferCommand } from '#domain';
import { openBlobStore, type BlobStore } from '#evidence';
import { bookShipment, type CarrierCall, type StarshipitClient } from '#freight';
import { CommandPipeline, findEvidenceContent, findTransferView, ShippingAddressAggregate, transfersHoldingEvidence, type TransferView } from '#persistence';
import type { CarrierSandbox } from '../../../carrier-sandbox/src/sandbox.js';
import { FAST_BOOKING, openSandbox, testClient } from '../../../../libs/freight/src/testing/freight-test-kit.js';
import { contextFor, outletTransfer, run, TEST_TRANSFERS } from '../../../../libs/persistence/src/testing/transfer-scenarios.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { BookingRunner } from './booking-runner.js';
import { TrackingPoller } from './tracking-poller.js';

const ADDRESS: ShippingAddress = {
  contactName: 'Dock manager',
  company: 'Homewares',
  street: '12 Dock Road',
  suburb: 'Northcote',
  city: 'Melbourne',
  state: 'VIC',
  postCode: '3070',
  countryCode: 'AU',
  phone: null,
  email: null,
  deliveryInstructions: null,
};
const CARTON = { id: randomUUID(), name: 'Carton M', innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };

describe('the booking runner (real carrier sandbox, PostgreSQL)', () => {
  let fixture: PersistenceFixture;
  let pipeline: CommandPipeline;
  let sandbox: CarrierSandbox;
  let client: StarshipitClient;
  let calls: CarrierCall[];
  let blobs: BlobStore;
  let blobDir: string;

  const runner = () => new BookingRunner(fixture.database, pipeline, TEST_TRANSFERS, client, blobs, { bookingOptions: FAST_BOOKING, retryDelayMs: () => 0 });
  const view = async (id: string) => (await fixture.database.withClient((c) => findTransferView(c, id))) as TransferView;
  const ordersCreated = (orderNumber: string) => sandbox.stats.get().ordersCreated[orderNumber] ?? 0;

  /** An outlet transfer with one weighed box, its booking requested. */
  async function requested(serviceCode = '7B05'): Promise<{ id: string; orderNumber: string }> {
    const id = randomUUID();
    const boxId = randomUUID();
    const steps: TransferCommand[] = [
      outletTransfer(id, 1),
      { type: 'AddBox', boxId, boxType: CARTON },
      { type: 'PutInBox', boxId, productId: 'product-1', quantity: 4 },
      { type: 'WeighBox', boxId, weightG: 2_400 },
      { type: 'RequestBooking', serviceCode, serviceName: 'Parcel Post', quotedPriceCents: 1_250, currency: 'AUD' },
    ];
    for (const step of steps) await run(pipeline, id, step);
    return { id, orderNumber: (await view(id)).shipment!.orderNumber };
  }
  const cancel = (id: string) => run(pipeline, id, { type: 'CancelBooking', reason: 'Going by van instead' });

  async function untilSettled(id: string, passes = 10): Promise<TransferView> {
    for (let pass = 0; pass < passes; pass++) {
      await runner().runOnce();
      const now = await view(id);
      if (now.shipment?.status !== 'REQUESTED' && now.shipment?.status !== 'CANCELLING') return now;
    }
    return view(id);
  }

  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    pipeline = new CommandPipeline(fixture.database);
    sandbox = await openSandbox();
    ({ client, calls } = testClient(sandbox));
    blobDir = await mkdtemp(join(tmpdir(), 'booking-runner-'));
    blobs = await openBlobStore({ store: 'filesystem', directory: blobDir });
    await fixture.database.query(`INSERT INTO lightspeed_outlets (id, name, version, deleted_at) VALUES ('outlet-a', 'A', 1, NULL), ('outlet-b', 'B', 1, NULL) ON CONFLICT DO NOTHING`);
    const addresses = new ShippingAddressAggregate();
    for (const party of [{ kind: 'outlet', id: 'outlet-a' }, { kind: 'outlet', id: 'outlet-b' }] as Party[]) {
      await pipeline.handle(addresses, `${party.kind}:${party.id}`, { type: 'SetShippingAddress', party, ...ADDRESS }, contextFor('ada', ['admin']));
    }
  });
  afterAll(async () => {
    blobs.close();
    await sandbox.close();
    await fixture.close();
    await rm(blobDir, { recursive: true, force: true });
  });

  it('books a requested shipment: BOOKED with tracking numbers and label evidence whose bytes are PDFs', async () => {
    const { id, orderNumber } = await requested();
    const after = await untilSettled(id);
    expect(after.shipment).toMatchObject({ status: 'BOOKED', orderNumber, carrierName: expect.any(String) });
    expect(after.shipment!.trackingNumbers.length).toBeGreaterThan(0);
    expect(after.shipment!.labelEvidenceIds.length).toBeGreaterThan(0);
    for (const evidenceId of after.shipment!.labelEvidenceIds) {
      const content = await fixture.database.withClient((c) => findEvidenceContent(c, evidenceId));
      expect(content).toMatchObject({ mediaType: 'application/pdf' });
      const bytes = await blobs.get(content!.sha256);
      expect(bytes!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Whoever may read the transfer may read its labels.
      expect(await fixture.database.withClient((c) => transfersHoldingEvidence(c, evidenceId))).toEqual([
        { type: 'OUTLET_TRANSFER', sourceOutletId: 'outlet-a', destinationOutletId: 'outlet-b' },
      ]);
    }
    expect(ordersCreated(orderNumber)).toBe(1);
  });

  it('a 503 after the order was created still ends with exactly one carrier order, BOOKED', async () => {
    const { id, orderNumber } = await requested();
    sandbox.faults.add({ kind: 'status', status: 503, count: 1, phase: 'after', target: { path: '^/api/orders$', method: 'POST' } });
    calls.length = 0;
    expect((await untilSettled(id)).shipment?.status).toBe('BOOKED');
    expect(calls.filter((call) => call.method === 'POST' && call.status === 503)).toHaveLength(1);
    expect(ordersCreated(orderNumber)).toBe(1);
  });

  it('a timeout after the order was created likewise', async () => {
    const { id, orderNumber } = await requested();
    sandbox.faults.add({ kind: 'delay', ms: 2_500, count: 1, phase: 'after', target: { path: '^/api/orders$', method: 'POST' } });
    calls.length = 0;
    expect((await untilSettled(id)).shipment?.status).toBe('BOOKED');
    expect(calls.filter((call) => call.method === 'POST' && call.error === 'timeout')).toHaveLength(1);
    expect(ordersCreated(orderNumber)).toBe(1);
  });

  it('after a crash between the carrier booking and RecordBooking, reuses the order', async () => {
    const { id, orderNumber } = await requested();
    const transfer = await view(id);
    const first = await bookShipment(client, { orderNumber, order: { destination: { name: 'x', street: '1 St', postCode: '3000', countryCode: 'AU' }, parcels: [{ weightGrams: 2_400 }], serviceCode: transfer.shipment!.service.code } }, FAST_BOOKING);
    const after = await untilSettled(id);
    expect(after.shipment).toMatchObject({ status: 'BOOKED', carrierOrderId: String(first.orderId), trackingNumbers: first.trackingNumbers });
    expect(ordersCreated(orderNumber)).toBe(1);
  });

  it('a carrier refusal ends the booking FAILED with Starshipit’s words, leaving no order at the carrier', async () => {
    const { id, orderNumber } = await requested('ZZZ');
    const after = await untilSettled(id);
    expect(after.shipment).toBeNull();
    expect(after.shipmentHistory.at(-1)).toMatchObject({ orderNumber, outcome: 'FAILED', reason: expect.stringContaining('ZZZ is not enabled') });
    expect(sandbox.orders.all().filter((order) => order.order_number === orderNumber)).toEqual([]);
  });

  it('books the same boxes again at a service the carrier takes, under the same order number, after a refusal', async () => {
    const { id, orderNumber } = await requested('ZZZ');
    expect((await untilSettled(id)).shipment).toBeNull();
    await run(pipeline, id, { type: 'RequestBooking', serviceCode: '7B05', serviceName: 'Parcel Post', quotedPriceCents: 1_250, currency: 'AUD' });
    const booked = await untilSettled(id);
    expect(booked.shipment).toMatchObject({ status: 'BOOKED', orderNumber });
    expect(sandbox.orders.all().filter((order) => order.order_number === orderNumber)).toHaveLength(1);
    expect(sandbox.orders.all().find((order) => order.order_number === orderNumber)?.carrier_service_code).toBe('7B05');
  });

  it('cancels an unshipped carrier order (DELETED) and a printed one (ARCHIVED)', async () => {
    const unshipped = await requested();
    await client.createOrder({ orderNumber: unshipped.orderNumber, destination: { name: 'x', street: '1 St', postCode: '3000', countryCode: 'AU' }, parcels: [{ weightGrams: 1_000 }] });
    await cancel(unshipped.id);
    const deleted = await untilSettled(unshipped.id);
    expect(deleted.shipment).toBeNull();
    expect(deleted.shipmentHistory.at(-1)).toMatchObject({ orderNumber: unshipped.orderNumber, outcome: 'CANCELLED', reason: 'DELETED' });
    expect(await client.findOrder(unshipped.orderNumber)).toBeNull();

    const printed = await requested();
    expect((await untilSettled(printed.id)).shipment?.status).toBe('BOOKED');
    await cancel(printed.id);
    const archived = await untilSettled(printed.id);
    expect(archived.shipment).toBeNull();
    expect(archived.shipmentHistory.at(-1)).toMatchObject({ orderNumber: printed.orderNumber, outcome: 'CANCELLED', reason: 'ARCHIVED' });
    expect(await client.findOrder(printed.orderNumber)).toMatchObject({ archived: true });
  });

  it('leaves a booking the carrier cannot serve (5xx) for a later pass, backing off per transfer, then books it', async () => {
    const { id, orderNumber } = await requested();
    const patient = new BookingRunner(fixture.database, pipeline, TEST_TRANSFERS, client, blobs, { bookingOptions: FAST_BOOKING, retryDelayMs: () => 60_000 });
    sandbox.faults.add({ kind: 'status', status: 503, count: 4, phase: 'before', target: { method: 'GET', path: '^/api/orders' } });
    const first = (await patient.runOnce()).find((pass) => pass.transferId === id);
    expect(first).toMatchObject({ step: 'retry-later', detail: expect.stringContaining('503') });
    expect((await view(id)).shipment?.status).toBe('REQUESTED');
    expect((await patient.runOnce()).find((pass) => pass.transferId === id)).toMatchObject({ step: 'backing-off' });
    expect((await untilSettled(id)).shipment?.status).toBe('BOOKED');
    expect(ordersCreated(orderNumber)).toBe(1);
  });

  it('records nothing when staff cancel while the carrier books, and the next pass cancels the carrier order', async () => {
    const { id, orderNumber } = await requested();
    // Staff cancel between the carrier's booking and RecordBooking: while the labels print.
    const racing = Object.create(client) as StarshipitClient;
    racing.printLabels = async (...args: Parameters<StarshipitClient['printLabels']>) => {
      await cancel(id);
      return client.printLabels(...args);
    };
    const raced = new BookingRunner(fixture.database, pipeline, TEST_TRANSFERS, racing, blobs, { bookingOptions: FAST_BOOKING, retryDelayMs: () => 0 });
    expect((await raced.runOnce()).find((pass) => pass.transferId === id)).toMatchObject({ step: 'already-recorded' });
    expect((await view(id)).shipment?.status).toBe('CANCELLING');
    const after = await untilSettled(id);
    expect(after.shipmentHistory.at(-1)).toMatchObject({ orderNumber, outcome: 'CANCELLED', reason: 'ARCHIVED' });
    expect(ordersCreated(orderNumber)).toBe(1);
  });

  it('two passes in parallel book once', async () => {
    const { id, orderNumber } = await requested();
    const passes = await Promise.all([runner().runOnce(), runner().runOnce()]);
    const mine = passes.flat().filter((pass) => pass.transferId === id);
    expect(mine.filter((pass) => pass.step === 'booked')).toHaveLength(1);
    expect((await untilSettled(id)).shipment?.status).toBe('BOOKED');
    expect(ordersCreated(orderNumber)).toBe(1);
  });

  describe('the tracking poller', () => {
    const poller = () => new TrackingPoller(fixture.database, pipeline, TEST_TRANSFERS, client);
    const scan = (trackingNumber: string, status: string) =>
      fetch(`${sandbox.url}/admin/shipments/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tracking_number: trackingNumber, status }) });

    it('records what the carrier says of each booked parcel, once, until it is delivered', async () => {
      const { id } = await requested();
      const booked = await untilSettled(id);
      const [trackingNumber] = booked.shipment!.trackingNumbers;
      expect((await scan(trackingNumber!, 'InTransit')).status).toBe(200);
      const first = (await poller().runOnce()).filter((pass) => pass.transferId === id);
      expect(first).toEqual([{ transferId: id, trackingNumber, step: 'recorded' }]);
      expect((await view(id)).shipment!.tracking).toMatchObject({ status: 'IN_TRANSIT', events: [expect.objectContaining({ trackingNumber, source: 'POLL' })] });
      expect((await poller().runOnce()).filter((pass) => pass.transferId === id)).toEqual([{ transferId: id, trackingNumber, step: 'unchanged' }]);
      await scan(trackingNumber!, 'Delivered');
      await poller().runOnce();
      expect((await view(id)).shipment).toMatchObject({ tracking: { status: 'DELIVERED' }, deliveredAt: expect.any(String) });
      expect((await poller().runOnce()).filter((pass) => pass.transferId === id)).toEqual([]);
    });

    it('leaves a parcel for next time when the carrier cannot be asked', async () => {
      const { id } = await requested();
      await untilSettled(id);
      // Every shipment earlier tests booked is polled too: enough failures for all of them.
      sandbox.faults.add({ kind: 'status', status: 503, count: 10_000, phase: 'before', target: { path: '^/api/track' } });
      try {
        expect((await poller().runOnce()).filter((pass) => pass.transferId === id).map((pass) => pass.step)).toEqual(['unavailable']);
      } finally {
        sandbox.faults.clear();
      }
    });
  });
});

