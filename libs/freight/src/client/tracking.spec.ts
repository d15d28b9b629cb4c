import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { CarrierSandbox } from '../../../../apps/carrier-sandbox/src/sandbox.js';
import { bookingOrderNumber, bookShipment, parseTrackingWebhook, TrackingStatus, verifyStarshipitSignature, type Booking, type TrackingUpdate } from '../index.js';
import { FAST_BOOKING, advanceShipment, changeSettings, openSandbox, resetSandbox, testClient, transferOrder } from '../testing/freight-test-kit.js';

const SECRET = 'whsec-freight-test';

/** A receiving endpoint as the API will have it: verify the raw bytes, then parse. */
const received: { raw: Buffer; signature: string | undefined }[] = [];
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ raw: Buffer.concat(chunks), signature: request.headers['x-starshipit-signature'] as string | undefined });
    response.statusCode = 200;
    response.end();
  });
});

let sandbox: CarrierSandbox;
let booking: Booking;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/starshipit`;
  sandbox = await openSandbox({ webhook: { url, secret: SECRET, retryBaseMs: 10 } });
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  await resetSandbox(sandbox);
  received.length = 0;
  booking = await bookShipment(testClient(sandbox).client, { orderNumber: bookingOrderNumber('tr-42', 3), order: transferOrder() }, FAST_BOOKING);
});

/** The webhook carrying `status` (earlier tests' deliveries may still arrive). */
async function webhookWith(status: string): Promise<{ raw: Buffer; signature: string | undefined }> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const found = received.find((webhook) => webhook.raw.toString('utf8').includes(`"tracking_status":"${status}"`));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${status} webhook arrived`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('track', () => {
  it.each(['object', 'list'] as const)('reads results given as %s: status, events oldest first, tracking URL', async (trackResults) => {
    await changeSettings(sandbox, { trackResults });
    const { client } = testClient(sandbox);
    const trackingNumber = booking.trackingNumbers[0]!;
    await advanceShipment(sandbox, trackingNumber, 'Dispatched', 'Picked up');
    await advanceShipment(sandbox, trackingNumber, 'InTransit', 'Arrived at Sydney hub');
    const info = await client.track({ trackingNumber });
    expect(info).toMatchObject({
      status: TrackingStatus.IN_TRANSIT,
      rawStatus: 'InTransit',
      orderNumber: booking.orderNumber,
      trackingNumber,
      carrierName: 'Australia Post',
      trackingUrl: expect.stringContaining(trackingNumber),
      lastUpdated: expect.stringMatching(/Z$/),
    });
    expect(info.events.map((event) => event.status)).toEqual([TrackingStatus.PRINTED, TrackingStatus.DISPATCHED, TrackingStatus.IN_TRANSIT]);
    expect(info.events[2]).toMatchObject({ details: 'Arrived at Sydney hub', at: expect.stringMatching(/^\d{4}-.*Z$/) });
    const byOrder = await client.track({ orderNumber: booking.orderNumber });
    expect(byOrder.trackingNumber).toBe(trackingNumber);
  });

  it('maps delivery and exceptions', async () => {
    const { client } = testClient(sandbox);
    const trackingNumber = booking.trackingNumbers[1]!;
    await advanceShipment(sandbox, trackingNumber, 'AttemptedDelivery');
    expect((await client.track({ trackingNumber })).status).toBe(TrackingStatus.ATTEMPTED_DELIVERY);
    await advanceShipment(sandbox, trackingNumber, 'Delivered');
    const info = await client.track({ trackingNumber });
    expect(info.status).toBe(TrackingStatus.DELIVERED);
    expect(info.events.at(-1)!.status).toBe(TrackingStatus.DELIVERED);
    expect((await client.findOrder(booking.orderNumber))!.status).toBe('DELIVERED');
  });

  it('an unknown tracking number is a CarrierRejected 404', async () => {
    await expect(testClient(sandbox).client.track({ trackingNumber: 'NOPE' })).rejects.toMatchObject({ name: 'CarrierRejected', status: 404 });
  });
});

describe('tracking webhooks', () => {
  it('verifies the signature of the raw body and parses the update', async () => {
    await advanceShipment(sandbox, booking.trackingNumbers[0]!, 'OutForDelivery', 'With the driver');
    const webhook = await webhookWith('OutForDelivery');
    expect(verifyStarshipitSignature(webhook.raw, webhook.signature, SECRET)).toBe(true);
    const update: TrackingUpdate = parseTrackingWebhook(webhook.raw);
    expect(update).toMatchObject({
      orderNumber: booking.orderNumber,
      trackingNumber: booking.trackingNumbers[0],
      status: TrackingStatus.OUT_FOR_DELIVERY,
      rawStatus: 'OutForDelivery',
      carrierName: 'Australia Post',
    });
  });

  it('rejects a wrong secret, a tampered body and a missing header', async () => {
    await advanceShipment(sandbox, booking.trackingNumbers[0]!, 'Exception', 'Damaged');
    const webhook = await webhookWith('Exception');
    expect(verifyStarshipitSignature(webhook.raw, webhook.signature, 'another-secret')).toBe(false);
    const tampered = Buffer.from(webhook.raw.toString('utf8').replace('Exception', 'Delivered'));
    expect(verifyStarshipitSignature(tampered, webhook.signature, SECRET)).toBe(false);
    expect(verifyStarshipitSignature(webhook.raw, undefined, SECRET)).toBe(false);
    expect(parseTrackingWebhook(webhook.raw).status).toBe(TrackingStatus.EXCEPTION);
  });
});
