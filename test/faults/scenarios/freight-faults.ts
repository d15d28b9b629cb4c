import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSystem } from '../fault-system.js';
import type { InvariantResult } from '../invariants.js';
import { onStage, seconds, type FaultScenario } from '../scenario.js';

const ADDRESS = {
  contactName: 'Dock manager',
  company: 'Homewares',
  street: '12 Dock Road',
  suburb: 'Northcote',
  city: 'Melbourne',
  state: 'VIC',
  postCode: '3070',
  countryCode: 'AU',
};
const CARTON = { name: 'Fault carton', innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };
/** Longer than the worker's 15 s carrier timeout: the order is made, the answer never arrives in time. */
const TIMEOUT_DELAY_MS = 16_000;

interface SandboxOrder {
  order_id: number;
  order_number: string;
  packages: { tracking_number: string | null }[];
}
interface ShipmentRow {
  id: string;
  status: string | null;
  order_number: string | null;
  carrier_order_id: string | null;
  tracking_numbers: string[] | null;
  labels: number | null;
  tracking_status: string | null;
  events: { trackingNumber: string; status: string; at: string }[] | null;
  history: number;
}

/** A write as the admin makes it when setting the system up (outside the load whose commands are checked). */
async function setUp(system: FaultSystem, method: 'POST' | 'PUT', path: string, body: unknown): Promise<any> {
  const response = await fetch(`${system.apiUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: system.auth('fault-admin', ['admin']), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

const shipments = (system: FaultSystem, ids: string[]) =>
  system.query<ShipmentRow>(
    `SELECT id::text, document->'shipment'->>'status' AS status, document->'shipment'->>'orderNumber' AS order_number,
            document->'shipment'->>'carrierOrderId' AS carrier_order_id, document->'shipment'->'trackingNumbers' AS tracking_numbers,
            jsonb_array_length(document->'shipment'->'labelEvidenceIds') AS labels, document->'shipment'->'tracking'->>'status' AS tracking_status,
            document->'shipment'->'tracking'->'events' AS events, jsonb_array_length(coalesce(document->'shipmentHistory', '[]'::jsonb))::int AS history
       FROM transfer_read_model WHERE id = ANY($1::uuid[])`,
    [ids],
  );

async function until(what: string, deadlineMs: number, done: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > deadlineMs) throw new Error(`${what}: not within ${seconds(deadlineMs)}`);
    await sleep(500);
  }
  return Date.now() - started;
}

/**
 * Bookings made while the carrier fails in every way the reference allows: 5xx after the order is made,
 * answers slower than the worker waits, 429 bursts, and every tracking webhook delivered twice. Each
 * booking must end with exactly one carrier order, its labels kept, and each tracking update recorded once.
 */
export const freightFaults: FaultScenario = {
  name: 'freight-faults',
  title: 'Carrier bookings through 5xx after apply, timeouts, 429 bursts and duplicate webhooks',
  run: (context) =>
    onStage(
      context,
      'freight',
      { carrier: true, env: { FREIGHT_RUNNER_INTERVAL_MS: '200', FREIGHT_TRACKING_POLL_INTERVAL_MS: '2000', STARSHIPIT_RATE_LIMIT: '20' } },
      async ({ system, catalogue, manager }) => {
        const { freightTransfers, settleMs } = context.settings;
        const outlets = catalogue.outlets.slice(0, 2);
        if (outlets.length < 2) throw new Error('The sandbox store has fewer than two outlets');
        for (const [index, outlet] of outlets.entries()) {
          await system.query(`INSERT INTO lightspeed_outlets (id, name, version) VALUES ($1, $2, 1) ON CONFLICT DO NOTHING`, [outlet, `Outlet ${index}`]);
          await setUp(system, 'PUT', `/outlets/${outlet}/address`, ADDRESS);
        }
        const boxType = await setUp(system, 'POST', '/box-types', CARTON);

        // Every fault lands on the first bookings; the later ones meet a healthy carrier.
        const faults = [
          { kind: 'status', status: 503, count: 3, phase: 'after', target: { method: 'POST', path: '^/api/orders$' } },
          { kind: 'status', status: 500, count: 2, phase: 'after', target: { method: 'POST', path: '^/api/orders/shipment$' } },
          { kind: 'delay', ms: TIMEOUT_DELAY_MS, count: 2, phase: 'after', target: { method: 'POST', path: '^/api/orders$' } },
          { kind: 'status', status: 429, count: 12 },
          { kind: 'status', status: 502, count: 2, phase: 'before', target: { method: 'GET' } },
          { kind: 'duplicate-webhooks', count: 1_000 },
        ];
        for (const fault of faults) await system.carrierAdmin('/admin/faults', fault);

        const started = Date.now();
        const ids: string[] = [];
        for (let index = 0; index < freightTransfers; index++) {
          const id = randomUUID();
          const productId = catalogue.products[index % catalogue.products.length] as string;
          const boxId = randomUUID();
          const steps: [string, 'POST' | 'PUT', unknown][] = [
            ['/transfers', 'POST', { id, type: 'OUTLET_TRANSFER', sourceOutletId: outlets[0], destinationOutletId: outlets[1], items: [{ productId, quantity: 3 }] }],
            [`/transfers/${id}/boxes`, 'POST', { boxId, boxTypeId: boxType.id }],
            [`/transfers/${id}/boxes/${boxId}/items`, 'POST', { productId, quantity: 3 }],
            [`/transfers/${id}/boxes/${boxId}/weight`, 'PUT', { weightG: 1_800 }],
            [`/transfers/${id}/shipment/booking`, 'POST', { serviceCode: '7B05', serviceName: 'Parcel Post', quotedPriceCents: 1_015, currency: 'AUD' }],
          ];
          for (const [path, method, body] of steps) {
            const record = await manager.command(method, path, id, body);
            if (record.status < 200 || record.status >= 300) throw new Error(`${method} ${path} answered ${record.status}`);
          }
          ids.push(id);
        }

        const booked = async () => (await shipments(system, ids)).every((row) => row.status === 'BOOKED' || row.status === null);
        const bookingMs = await until('every booking settled', settleMs, booked);
        const rows = await shipments(system, ids);

        // The carrier scans every parcel twice; each scan's webhook arrives twice.
        for (const row of rows) {
          for (const trackingNumber of row.tracking_numbers ?? []) {
            await system.carrierAdmin('/admin/shipments/advance', { tracking_number: trackingNumber, status: 'InTransit' });
            await system.carrierAdmin('/admin/shipments/advance', { tracking_number: trackingNumber, status: 'Delivered' });
          }
        }
        const deliveredMs = await until('every shipment delivered', settleMs, async () => (await shipments(system, ids)).every((row) => row.tracking_status === 'DELIVERED'));

        const extra = async (): Promise<InvariantResult[]> => {
          const final = await shipments(system, ids);
          const { orders } = await system.carrierAdmin<{ orders: SandboxOrder[] }>('/admin/orders');
          const stats = await system.carrierAdmin<{ ordersCreated: Record<string, number> }>('/admin/stats');
          const byNumber = new Map<string, SandboxOrder[]>();
          for (const order of orders) byNumber.set(order.order_number, [...(byNumber.get(order.order_number) ?? []), order]);
          const problems: string[] = [];
          for (const row of final) {
            const held = byNumber.get(row.order_number ?? '') ?? [];
            if (row.status !== 'BOOKED') problems.push(`${row.id} is ${row.status ?? 'not booked'} (${row.history} earlier bookings)`);
            else if (held.length !== 1 || (stats.ordersCreated[row.order_number!] ?? 0) !== 1) problems.push(`${row.order_number}: ${held.length} carrier orders, ${stats.ordersCreated[row.order_number!] ?? 0} created`);
            else if (String(held[0]!.order_id) !== row.carrier_order_id) problems.push(`${row.order_number}: transfer names carrier order ${row.carrier_order_id}, the carrier holds ${held[0]!.order_id}`);
          }
          const unlabelled = final.filter((row) => row.labels !== 1).map((row) => `${row.id} has ${row.labels ?? 0} labels`);
          const twice = final.flatMap((row) => {
            const seen = new Set<string>();
            return (row.events ?? []).filter((event) => {
              const key = `${event.trackingNumber}|${event.status}|${event.at}`;
              const repeated = seen.has(key);
              seen.add(key);
              return repeated;
            }).map((event) => `${row.id} ${event.status} ${event.at}`);
          });
          const missing = final.filter((row) => !['IN_TRANSIT', 'DELIVERED'].every((status) => (row.events ?? []).some((event) => event.status === status))).map((row) => row.id);
          return [
            { name: 'every booking ends with exactly one carrier order, the one the transfer names', held: problems.length === 0, detail: problems.length === 0 ? `${final.length} bookings, ${orders.length} carrier orders` : problems.slice(0, 5).join('; ') },
            { name: 'every booking kept its carrier label', held: unlabelled.length === 0, detail: unlabelled.length === 0 ? `${final.length} labels` : unlabelled.slice(0, 5).join('; ') },
            { name: 'each tracking update is recorded once, however often it was delivered', held: twice.length === 0 && missing.length === 0, detail: twice.length ? `twice: ${twice.slice(0, 5).join('; ')}` : missing.length ? `missing updates on ${missing.slice(0, 5).join(', ')}` : `${final.reduce((sum, row) => sum + (row.events?.length ?? 0), 0)} updates, none twice` },
          ];
        };
        const deliveries = await system.carrierAdmin<{ deliveries: unknown[] }>('/admin/webhook-deliveries');
        return {
          figures: {
            bookings: ids.length,
            'carrier faults injected': faults.length - 1,
            'booking time': seconds(bookingMs),
            'delivery time': seconds(deliveredMs),
            'webhook deliveries': deliveries.deliveries.length,
            'total time': seconds(Date.now() - started),
          },
          extra,
        };
      },
    ),
};
