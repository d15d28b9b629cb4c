import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CarrierSandbox } from '../../apps/carrier-sandbox/src/sandbox.js';
import { advanceShipment } from '../../libs/freight/src/testing/freight-test-kit.js';
import { eventually } from '../support/eventually.js';
import { carrierSettings, seedFreightCatalogue, startCarrierAndWorker, type FreightSystem } from '../support/freight-system.js';
import { expectStatus, MUGS, openScenario, readBytes, TEA, type Scenario } from '../support/transfers-client.js';

const CARTON = { name: 'Journey carton', innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 300, tareWeightG: 500, maxWeightG: 16_000 };

/**
 * One outlet transfer's whole freight journey, every part real: the API, the worker's booking runner and
 * tracking poller, and the Starshipit sandbox sending signed webhooks to the API.
 */
describe('a transfer’s freight journey: quote, book, labels, tracking, delivered, received', () => {
  const scenario = {} as Scenario;
  let freight: FreightSystem;
  let carrier: CarrierSandbox;

  beforeAll(async () => {
    const { carrierPort, env } = await carrierSettings({ FREIGHT_TRACKING_POLL_INTERVAL_MS: '600000' });
    Object.assign(scenario, await openScenario({ listen: true, env }));
    const apiPort = (scenario.api.app.getHttpServer().address() as AddressInfo).port;
    freight = await startCarrierAndWorker(scenario, `http://127.0.0.1:${apiPort}`, carrierPort);
    carrier = freight.carrier;
    await seedFreightCatalogue(scenario);
  });
  afterAll(async () => {
    await freight?.close();
    await scenario.api?.close();
  });

  it('prices, books once, prints labels, tracks to delivered, and the destination receives it', async () => {
    const { http, who, step } = scenario;
    const cartonId = expectStatus(await http.post('/box-types', who.alex, CARTON), 201).body.id as string;
    const { id } = await step.packedOutletTransfer(who.ana);

    // Two boxes, packed by hand.
    const boxes = [randomUUID(), randomUUID()];
    for (const [index, boxId] of boxes.entries()) expectStatus(await http.post(`/transfers/${id}/boxes`, who.ana, { boxId, boxTypeId: cartonId, label: `BOX-${index + 1}` }), 201);
    expectStatus(await http.post(`/transfers/${id}/boxes/${boxes[0]}/items`, who.ana, { productId: MUGS, quantity: 10 }), 200);
    expectStatus(await http.post(`/transfers/${id}/boxes/${boxes[1]}/items`, who.ana, { productId: TEA, quantity: 4 }), 200);

    // Quote, then the same quote again from the cache: one carrier call.
    const rateCalls = carrier.stats.get().rateQuotes;
    const quote = expectStatus(await http.get(`/transfers/${id}/freight-quotes`, who.ana), 200).body;
    expect(quote).toMatchObject({ parcelsFrom: 'BOXES', cached: false });
    expect(quote.parcels).toHaveLength(2);
    expect(expectStatus(await http.get(`/transfers/${id}/freight-quotes`, who.ana), 200).body).toEqual({ ...quote, cached: true });
    expect(carrier.stats.get().rateQuotes).toBe(rateCalls + 1);

    // Book the cheapest service; the worker makes the carrier order and keeps its labels.
    const service = quote.quotes[0];
    const requested = expectStatus(
      await http.post(`/transfers/${id}/shipment/booking`, who.ana, { serviceCode: service.serviceCode, serviceName: service.serviceName, quotedPriceCents: service.priceCents, currency: service.currency }),
      202,
    ).body;
    const orderNumber = requested.shipment.orderNumber as string;
    const booked = await eventually(() => step.detail(who.ana, id), (detail: any) => detail.shipment?.status === 'BOOKED', 20_000);
    expect(booked.shipment).toMatchObject({ status: 'BOOKED', orderNumber, carrierOrderId: expect.any(String) });
    const shipment = booked.shipment as { trackingNumbers: string[]; labelEvidenceIds: string[] };
    expect(shipment.trackingNumbers).toHaveLength(2);
    expect(shipment.labelEvidenceIds.length).toBeGreaterThan(0);
    expect(carrier.stats.get().ordersCreated[orderNumber]).toBe(1);
    for (const evidenceId of shipment.labelEvidenceIds) {
      const label = await readBytes(http.get(`/evidence/${evidenceId}`, who.sam));
      expect(label.status).toBe(200);
      expect(label.headers['content-type']).toBe('application/pdf');
      expect((label.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    }
    // Our own box labels, one page per box.
    const ours = await readBytes(http.get(`/transfers/${id}/boxes/labels`, who.ana));
    expect(ours.status).toBe(200);
    expect(ours.headers['content-type']).toBe('application/pdf');

    // The goods leave; the carrier scans them on their way and delivers; its signed webhooks reach the transfer.
    await step.act(who.ana, id, 'send');
    // Starshipit tracks the order as one shipment: a scan of its first parcel moves it all.
    for (const status of ['InTransit', 'OutForDelivery', 'Delivered']) await advanceShipment(carrier, shipment.trackingNumbers[0]!, status);
    type Tracked = { shipment: { tracking: { status: string; events: { status: string; source: string; at: string }[] }; deliveredAt: string | null; priceCents: number | null } };
    const byWebhook = (detail: Tracked) => detail.shipment.tracking.events.filter((event) => event.source === 'WEBHOOK');
    // Webhooks may arrive out of order: wait for all three, and read them in the carrier's time order.
    const delivered = (await eventually(() => step.detail(who.sam, id), (detail) => byWebhook(detail as unknown as Tracked).length === 3, 20_000)) as unknown as Tracked;
    expect(delivered.shipment).toMatchObject({ tracking: { status: 'DELIVERED' }, deliveredAt: expect.any(String) });
    expect([...byWebhook(delivered)].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((event) => event.status)).toEqual(['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    // The poller may also have asked once (it starts with the worker) and seen the label printed.
    expect(delivered.shipment.tracking.events.filter((event) => event.source === 'POLL').every((event) => event.status === 'PRINTED')).toBe(true);

    // South receives it in full.
    const received = await step.receive(who.sam, id, { final: true, lines: [{ productId: MUGS, receivedQuantity: 10 }, { productId: TEA, receivedQuantity: 4 }] });
    expect(received.status).toBe('RECEIVED');
    expect(received.freightCostCents).toBe(delivered.shipment.priceCents ?? service.priceCents);
    expect(carrier.stats.get().ordersCreated[orderNumber]).toBe(1);
  });
});
