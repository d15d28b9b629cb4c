import { randomUUID } from 'node:crypto';
import { SYSTEM_ROLE, type TransferCommand } from '#domain';
import { CommandPipeline, TransferAggregate } from '#persistence';
import { expectStatus, MUGS, type Auth, type Scenario } from './transfers-client.js';

/** The worker's identity when it records what the carrier answered. */
export const BOOKER = { id: 'shipment-booker', name: 'Shipment booker', roles: [SYSTEM_ROLE], outlets: [] };

export const CARTON = { innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };

/** What the booking worker does: a command through the one pipeline, as the system. */
export const asWorker = (scenario: Scenario, id: string, command: TransferCommand) =>
  scenario.api.app.get(CommandPipeline).handle(scenario.api.app.get(TransferAggregate), id, command, { actor: BOOKER, correlationId: randomUUID(), causationId: null });

/** One box of the type holding 4 mugs on the transfer, put there by `auth`; the box's id. */
export async function boxOfMugs(scenario: Scenario, id: string, boxTypeId: string, auth: Auth): Promise<string> {
  const boxId = randomUUID();
  expectStatus(await scenario.http.post(`/transfers/${id}/boxes`, auth, { boxId, boxTypeId }), 201);
  expectStatus(await scenario.http.post(`/transfers/${id}/boxes/${boxId}/items`, auth, { productId: MUGS, quantity: 4 }), 200);
  return boxId;
}

/** Books the transfer's boxes as `auth` asks and records the carrier's order as the worker would: its order number. */
export async function bookAndRecord(scenario: Scenario, id: string, auth: Auth, trackingNumber = 'TRK-1'): Promise<string> {
  const { orderNumber } = expectStatus(
    await scenario.http.post(`/transfers/${id}/shipment/booking`, auth, { serviceCode: '7B05', serviceName: 'Parcel Post', quotedPriceCents: 1_015 }),
    202,
  ).body.shipment;
  await asWorker(scenario, id, { type: 'RecordBooking', orderNumber, carrierOrderId: '42', carrierName: 'NZ Post', trackingNumbers: [trackingNumber], labelEvidenceIds: [], priceCents: 1_015 });
  return orderNumber as string;
}
