import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { TrackedShipments1700000000025 } from '../../../../migrations/1700000000025-tracked-shipments.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { freightBacklog } from './pending-shipments.query.js';
import { listDeliveredUnreceived, listShipmentsToTrack } from './tracked-shipments.query.js';

const HOUR_MS = 3_600_000;
const NOW = Date.parse('2026-12-07T12:00:00.000Z');

interface Row {
  status?: string;
  destination?: string | null;
  supplier?: string | null;
  shipment: Record<string, unknown> | null;
  updatedAt?: string;
}

/** What the tracking poller and the delivered-but-unreceived flag read from the transfer read model. */
describe('tracked shipment queries', () => {
  let fixture: PersistenceFixture;

  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(async () => {
    await fixture?.close();
  });
  beforeEach(async () => {
    await fixture.database.withClient((client) => client.query('DELETE FROM transfer_read_model'));
  });

  const shipment = (status: string, tracking: string | null, deliveredAt: string | null = null) => ({
    status,
    orderNumber: `TR-${randomUUID()}-v1`,
    trackingNumbers: ['TRK-1'],
    tracking: { status: tracking, at: null, events: [] },
    deliveredAt,
  });
  const insert = async ({ status = 'SENT', destination = 'south', supplier = null, shipment, updatedAt = '2026-12-07T00:00:00Z' }: Row): Promise<string> => {
    const id = randomUUID();
    await fixture.database.withClient((client) =>
      client.query(
        `INSERT INTO transfer_read_model (id, type, status, source_outlet_id, destination_outlet_id, supplier_id, version, created_at, updated_at, created_by, line_count, total_cost, document)
         VALUES ($1, 'OUTLET_TRANSFER', $2, 'north', $3, $4, 1, $5, $5, 'ana', 1, 0, $6)`,
        [id, status, destination, supplier, updatedAt, JSON.stringify({ shipment })],
      ),
    );
    return id;
  };
  const hoursBefore = (hours: number) => new Date(NOW - hours * HOUR_MS).toISOString();

  it('tracks booked shipments not yet delivered or cancelled, the longest unchanged first', async () => {
    const later = await insert({ shipment: shipment('BOOKED', 'IN_TRANSIT'), updatedAt: '2026-12-07T02:00:00Z' });
    const earlier = await insert({ shipment: shipment('BOOKED', null), updatedAt: '2026-12-07T01:00:00Z' });
    await insert({ shipment: shipment('BOOKED', 'DELIVERED', hoursBefore(1)) });
    await insert({ shipment: shipment('BOOKED', 'CANCELLED') });
    await insert({ shipment: shipment('REQUESTED', null) });
    await insert({ shipment: null });
    const tracked = await fixture.database.withClient((client) => listShipmentsToTrack(client, 10));
    expect(tracked.map((row) => row.transferId)).toEqual([earlier, later]);
    expect(tracked[0]).toMatchObject({ orderNumber: expect.stringMatching(/^TR-/), trackingNumbers: ['TRK-1'] });
    expect(await fixture.database.withClient((client) => listShipmentsToTrack(client, 1))).toHaveLength(1);
  });

  it('flags sent transfers delivered before the cut-off, oldest delivery first, for the outlets asked', async () => {
    const oldest = await insert({ shipment: shipment('BOOKED', 'DELIVERED', hoursBefore(48)) });
    const older = await insert({ destination: null, supplier: 'acme', shipment: shipment('BOOKED', 'DELIVERED', hoursBefore(30)) });
    const elsewhere = await insert({ destination: 'east', shipment: shipment('BOOKED', 'DELIVERED', hoursBefore(25)) });
    await insert({ shipment: shipment('BOOKED', 'DELIVERED', hoursBefore(2)) });
    await insert({ status: 'RECEIVING', shipment: shipment('BOOKED', 'DELIVERED', hoursBefore(40)) });
    await insert({ shipment: shipment('BOOKED', 'IN_TRANSIT') });
    const cutOff = new Date(NOW - 24 * HOUR_MS);

    const all = await fixture.database.withClient((client) => listDeliveredUnreceived(client, cutOff, 10));
    expect(all.map((row) => row.transferId)).toEqual([oldest, older, elsewhere]);
    expect(all[1]).toMatchObject({ destinationOutletId: null, supplierId: 'acme' });
    expect(Date.parse(all[0]!.deliveredAt)).toBe(NOW - 48 * HOUR_MS);

    const south = await fixture.database.withClient((client) => listDeliveredUnreceived(client, cutOff, 10, ['south', 'west']));
    expect(south.map((row) => row.transferId)).toEqual([oldest]);
    expect(await fixture.database.withClient((client) => listDeliveredUnreceived(client, cutOff, 2))).toHaveLength(2);
  });

  it('counts the freight backlog: bookings and cancellations waiting for the worker, since when, and deliveries nobody received', async () => {
    const empty = await fixture.database.withClient((client) => freightBacklog(client, new Date(NOW)));
    expect(empty).toEqual({ requested: 0, cancelling: 0, oldestWaitingSince: null, deliveredUnreceived: 0 });
    await insert({ status: 'PACKED', shipment: shipment('REQUESTED', null), updatedAt: '2026-12-07T03:00:00Z' });
    await insert({ status: 'PACKED', shipment: shipment('REQUESTED', null), updatedAt: '2026-12-07T05:00:00Z' });
    await insert({ status: 'PACKED', shipment: shipment('CANCELLING', null), updatedAt: '2026-12-07T04:00:00Z' });
    await insert({ shipment: shipment('BOOKED', 'DELIVERED', hoursBefore(30)) });
    await insert({ shipment: shipment('BOOKED', 'DELIVERED', hoursBefore(3)) });
    await insert({ status: 'RECEIVED', shipment: shipment('BOOKED', 'DELIVERED', hoursBefore(50)) });
    const backlog = await fixture.database.withClient((client) => freightBacklog(client, new Date(NOW - 24 * HOUR_MS)));
    expect(backlog).toEqual({ requested: 2, cancelling: 1, oldestWaitingSince: new Date('2026-12-07T03:00:00Z'), deliveredUnreceived: 1 });
  });

  it('answers both from partial indexes that a migration can revert and apply again', async () => {
    const indexes = async () =>
      (await fixture.database.withClient((client) => client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'transfer_read_model' AND indexname IN ('transfer_rm_delivered_unreceived', 'transfer_rm_shipment_booked') ORDER BY indexname`))).rows.map((row) => row.indexname);
    expect(await indexes()).toEqual(['transfer_rm_delivered_unreceived', 'transfer_rm_shipment_booked']);
    const migration = new TrackedShipments1700000000025();
    const runner = fixture.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await indexes()).toEqual([]);
      await migration.up(runner);
      expect(await indexes()).toEqual(['transfer_rm_delivered_unreceived', 'transfer_rm_shipment_booked']);
    } finally {
      await runner.release();
    }
  });
});
