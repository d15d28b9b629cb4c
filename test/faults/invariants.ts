import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { affectsLightspeed, TRANSFER_EVENT_TYPES } from '#domain';
import { INBOUND_QUEUE_NAME, SYNC_QUEUE_NAME } from '#observability';
import { Database, PROJECTION_TABLES, rebuildProjections } from '#persistence';
import type { CommandClient } from './command-client.js';
import type { FaultSystem } from './fault-system.js';

export interface InvariantResult {
  name: string;
  held: boolean;
  detail: string;
}

const ok = (status: number) => status >= 200 && status < 300;
const sample = (items: string[]) => items.slice(0, 5).join('; ') + (items.length > 5 ? ` … (${items.length})` : '');

/** Every command that got a 2xx is in the event store exactly once, at the version it answered; none is there twice. */
export async function commandsExactlyOnce(system: FaultSystem, clients: CommandClient[]): Promise<InvariantResult> {
  const records = clients.flatMap((client) => client.records);
  const rows = await system.query<{ key: string; commands: number; stream_id: string; version: number }>(
    `SELECT metadata->>'idempotencyKey' AS key, count(DISTINCT metadata->>'commandId')::int AS commands,
            min(stream_id) AS stream_id, max(stream_version) AS version
     FROM events WHERE metadata->>'idempotencyKey' IS NOT NULL GROUP BY 1`,
  );
  const stored = new Map(rows.map((row) => [row.key, row]));
  const problems: string[] = [];
  let unansweredApplied = 0;
  for (const record of records) {
    const row = stored.get(record.idempotencyKey);
    if (row && row.commands > 1) problems.push(`${record.action} ${record.transferId} applied ${row.commands} times`);
    if (ok(record.status)) {
      if (!row) problems.push(`${record.action} ${record.transferId} answered ${record.status} but is not in the event store`);
      else if (row.stream_id !== `transfer-${record.transferId}` || (record.version !== null && row.version !== record.version)) {
        problems.push(`${record.action} ${record.transferId} answered version ${record.version}, stored ${row.stream_id}@${row.version}`);
      }
    } else if (row) unansweredApplied++;
  }
  const twice = rows.filter((row) => row.commands > 1 && !records.some((record) => record.idempotencyKey === row.key));
  for (const row of twice) problems.push(`key ${row.key} applied ${row.commands} times`);
  const acknowledged = records.filter((record) => ok(record.status)).length;
  const repeated = records.filter((record) => record.attempts > 1).length;
  return {
    name: 'every acknowledged command is in the event store exactly once',
    held: problems.length === 0,
    detail:
      problems.length === 0
        ? `${acknowledged}/${records.length} acknowledged, each once; ${repeated} repeated by the client; ${records.length - acknowledged} never acknowledged (${unansweredApplied} of them applied once)`
        : sample(problems),
  };
}

const ORDER_BY: Record<(typeof PROJECTION_TABLES)[number], string> = {
  transfer_read_model: 'id',
  stock_in_transit: 'transfer_id, product_id',
  audit_trail: 'stream_id, from_version',
  transfer_evidence: 'transfer_id, receipt_id, evidence_id',
  box_type_read_model: 'id',
  product_dimensions: 'product_id',
  shipping_addresses: 'party_kind, party_id',
};

/** The read models (read model, stock in transit, audit trail, receipt evidence, box types, product dimensions, shipping addresses) equal their rebuild from the events, row for row. */
export async function readModelsEqualRebuild(system: FaultSystem): Promise<InvariantResult> {
  const dataSource = new DataSource({ type: 'postgres', url: system.databaseUrl });
  await dataSource.initialize();
  try {
    const database = new Database(dataSource);
    const snapshot = async () => {
      const tables: Record<string, Map<string, string>> = {};
      for (const table of PROJECTION_TABLES) {
        const rows = await database.query(`SELECT * FROM ${table} ORDER BY ${ORDER_BY[table]}`);
        tables[table] = new Map(rows.map((row) => [ORDER_BY[table].split(', ').map((column) => String(row[column])).join('/'), JSON.stringify(row)]));
      }
      return tables;
    };
    const live = await snapshot();
    const report = await rebuildProjections(database);
    const rebuilt = await snapshot();
    const problems: string[] = [];
    for (const table of PROJECTION_TABLES) {
      const [before, after] = [live[table] as Map<string, string>, rebuilt[table] as Map<string, string>];
      for (const [key, row] of before) if (after.get(key) !== row) problems.push(`${table} ${key} differs from its rebuild`);
      for (const key of after.keys()) if (!before.has(key)) problems.push(`${table} ${key} is missing live`);
    }
    return {
      name: 'every read model equals its rebuild from the events',
      held: problems.length === 0,
      detail: problems.length === 0 ? `${report.transfers} transfers, ${report.events} events, ${report.auditRows} audit rows identical` : sample(problems),
    };
  } finally {
    await dataSource.destroy();
  }
}

interface ReadModel {
  id: string;
  type: string;
  status: string;
  document: { lines: { productId: string; sentQuantity: number; receivedQuantity: number }[] };
  sync_status: string | null;
  warnings: unknown[] | null;
}

interface RemoteConsignment {
  id: string;
  name: string;
  type: string;
  status: string;
  products: { product_id: string; count: string; received: string | null; deleted_at?: string | null }[];
}

/**
 * Per type: the consignment type Lightspeed holds, and the Lightspeed status each of our statuses
 * reads as there (REFERENCE §1, docs/state-machine.md); a status not listed has no consignment.
 */
const MIRRORED: Record<string, { type: string; status: Record<string, string> }> = {
  OUTLET_TRANSFER: { type: 'OUTLET', status: { SENT: 'SENT', RECEIVING: 'SENT', RECEIVED: 'RECEIVED' } },
  PURCHASE_ORDER: { type: 'SUPPLIER', status: { SENT: 'SENT', RECEIVING: 'DISPATCHED', RECEIVED: 'RECEIVED' } },
  SUPPLIER_RETURN: { type: 'RETURN', status: { SENT: 'SENT' } },
  STOCKTAKE: { type: 'STOCKTAKE', status: { COMPLETED: 'STOCKTAKE_COMPLETE' } },
};

/** Every consignment of the store by name (deleted ones too), following the list's version cursor. */
async function consignmentsByName(system: FaultSystem): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  for (let after = 0; ; ) {
    const page = await system.store<{ data: { id: string; name: string; version: number }[]; version: { max: number | null } }>(
      `/api/2.0/consignments?page_size=1000&after=${after}&deleted=true`,
    );
    if (page.data.length === 0 || page.version.max === null) break;
    for (const consignment of page.data) byName.set(consignment.name, [...(byName.get(consignment.name) ?? []), consignment.id]);
    after = page.version.max;
  }
  return byName;
}

/**
 * What each line of a transfer should read in Lightspeed as `count/received`: a consignment's
 * lines are the sent ones (count = sent, received = received here, or the sent quantity when it
 * was received in full directly in Lightspeed); a count's lines are the products counted, with
 * `received` = the counted quantity (`count` is Lightspeed's own expectation, not ours).
 */
function expectedLines(transfer: ReadModel, receivedInLightspeed: boolean): Map<string, string> {
  if (transfer.type === 'STOCKTAKE') return new Map(transfer.document.lines.map((line) => [line.productId, `*/${line.receivedQuantity}`]));
  return new Map(
    transfer.document.lines
      .filter((line) => line.sentQuantity > 0 || line.receivedQuantity > 0)
      .map((line) => [line.productId, `${line.sentQuantity}/${receivedInLightspeed ? line.sentQuantity : line.receivedQuantity}`]),
  );
}

/**
 * Every transfer that should be in Lightspeed is there exactly once (one consignment named
 * CONS-<id>) of its type, in its status, with its quantities, and its sync SYNCED; no other
 * transfer is. `remoteStatus` overrides the expected Lightspeed status of transfers changed in
 * Lightspeed directly.
 */
export async function lightspeedMirrorsTransfers(system: FaultSystem, remoteStatus: Map<string, string> = new Map()): Promise<InvariantResult> {
  const transfers = await system.query<ReadModel>(
    `SELECT r.id, r.type, r.status, r.document, s.status AS sync_status, s.warnings
     FROM transfer_read_model r LEFT JOIN transfer_sync_state s ON s.transfer_id = r.id`,
  );
  const byName = await consignmentsByName(system);
  const problems: string[] = [];
  const mirroredByType: Record<string, number> = {};
  let lines = 0;
  let warned = 0;
  for (const transfer of transfers) {
    const ids = byName.get(`CONS-${transfer.id}`) ?? [];
    const mapping = MIRRORED[transfer.type];
    const expected = remoteStatus.get(transfer.id) ?? mapping?.status[transfer.status];
    if (expected === undefined || mapping === undefined) {
      if (ids.length > 0) problems.push(`${transfer.id} (${transfer.type} ${transfer.status}) has ${ids.length} consignment(s) but should have none`);
      continue;
    }
    if (ids.length !== 1) {
      problems.push(`${transfer.id} (${transfer.type} ${transfer.status}) has ${ids.length} consignments`);
      continue;
    }
    const { data } = await system.store<{ data: RemoteConsignment }>(`/admin/consignments/${ids[0]}`);
    if (data.type !== mapping.type) problems.push(`${transfer.id}: Lightspeed type ${data.type}, expected ${mapping.type}`);
    if (data.status !== expected) problems.push(`${transfer.id} (${transfer.type} ${transfer.status}): Lightspeed ${data.status}, expected ${expected}`);
    if (!remoteStatus.has(transfer.id) && transfer.sync_status !== 'SYNCED') {
      problems.push(`${transfer.id} (${transfer.type} ${transfer.status}): sync ${transfer.sync_status ?? 'never started'}, expected SYNCED`);
    }
    if ((transfer.warnings ?? []).length > 0) warned++;
    const remoteLines = new Map(data.products.filter((line) => !line.deleted_at).map((line) => [line.product_id, line]));
    for (const [productId, want] of expectedLines(transfer, expected === 'RECEIVED' && transfer.status !== 'RECEIVED')) {
      const remote = remoteLines.get(productId);
      const got = remote ? `${want.startsWith('*/') ? '*' : Number(remote.count)}/${Number(remote.received ?? 0)}` : 'missing';
      if (got !== want) problems.push(`${transfer.id} (${transfer.type}) ${productId}: Lightspeed count/received ${got}, expected ${want}`);
      remoteLines.delete(productId);
      lines++;
    }
    for (const extra of remoteLines.keys()) problems.push(`${transfer.id} (${transfer.type}): Lightspeed has a line for ${extra} that the transfer has not`);
    mirroredByType[transfer.type] = (mirroredByType[transfer.type] ?? 0) + 1;
  }
  const strays = [...byName].filter(([name, ids]) => name.startsWith('CONS-') && ids.length > 1 && !transfers.some((t) => `CONS-${t.id}` === name));
  for (const [name, ids] of strays) problems.push(`${name} exists ${ids.length} times for no transfer`);
  const mirrored = Object.values(mirroredByType).reduce((sum, count) => sum + count, 0);
  const perType = Object.entries(mirroredByType)
    .map(([type, count]) => `${count} ${type}`)
    .join(', ');
  return {
    name: 'every transfer that should be in Lightspeed is there exactly once, of its type, in its status, with its quantities, synced',
    held: problems.length === 0,
    detail:
      problems.length === 0
        ? `${mirrored} consignments (${perType}; ${lines} lines) match ${transfers.length} transfers, each SYNCED${warned ? ` (${warned} with a warning)` : ''}; no duplicates`
        : sample(problems),
  };
}

/** Jobs waiting, running or delayed in the sync queues (the poller's repeatable schedule aside). */
async function busyQueues(system: FaultSystem): Promise<string[]> {
  const redis = new Redis(system.env.REDIS_URL as string, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const busy: string[] = [];
    for (const queue of [SYNC_QUEUE_NAME, INBOUND_QUEUE_NAME]) {
      const key = `${system.env.QUEUE_PREFIX}:${queue}`;
      const [waiting, active, delayed] = await Promise.all([
        redis.llen(`${key}:wait`),
        redis.llen(`${key}:active`),
        redis.zrange(`${key}:delayed`, 0, -1).then((ids) => ids.filter((id) => !id.startsWith('repeat:')).length),
      ]);
      if (waiting + active + delayed > 0) busy.push(`${queue} ${waiting}w/${active}a/${delayed}d`);
    }
    return busy;
  } catch (error) {
    return [`Redis: ${(error as Error).message}`];
  } finally {
    redis.disconnect();
  }
}

interface SyncStatusReport {
  queues: Record<string, { waiting: number; active: number; delayed: number; failed: number }>;
  transfers: { PENDING: number; SYNCED: number; FAILED: number; NEEDS_ATTENTION: number };
}

/** Events that change nothing Lightspeed holds (notes, boxes, bookings, divergence notes): no sync follows them. */
const UNSYNCED_EVENT_TYPES = TRANSFER_EVENT_TYPES.filter((type) => !affectsLightspeed(type));

/**
 * Nothing stays in a retry loop: within `deadlineMs` every event is relayed, the queues are empty,
 * no transfer is PENDING, and every FAILED (dead-lettered) or NEEDS_ATTENTION (refused) transfer says why.
 */
export async function nothingRetriesForever(system: FaultSystem, admin: CommandClient, deadlineMs: number): Promise<InvariantResult> {
  const started = Date.now();
  let last = '';
  for (;;) {
    const [lagging] = await system.query<{ count: number; pending: number }>(
      `SELECT count(*) FILTER (WHERE s.transfer_id IS NULL OR s.synced_version < r.version AND s.status NOT IN ('FAILED', 'NEEDS_ATTENTION'))::int AS count,
              count(*) FILTER (WHERE s.status = 'PENDING')::int AS pending
       FROM (SELECT substr(stream_id, 10)::uuid AS id, max(stream_version) AS version FROM events
             WHERE stream_id LIKE 'transfer-%' AND event_type <> ALL($1::text[]) GROUP BY stream_id) r
       LEFT JOIN transfer_sync_state s ON s.transfer_id = r.id`,
      [UNSYNCED_EVENT_TYPES],
    );
    const status = await admin.get<SyncStatusReport>('/admin/sync-status').catch(() => null);
    const busy = await busyQueues(system);
    last = `${lagging?.count} transfers behind, ${lagging?.pending} PENDING, queues: ${busy.join(', ') || 'empty'}`;
    if (lagging?.count === 0 && lagging.pending === 0 && busy.length === 0) {
      const failed = await system.query<{ transfer_id: string; last_error: string | null }>(
        `SELECT transfer_id, coalesce(last_error || ' — ' || attention_action, last_error) AS last_error FROM transfer_sync_state
          WHERE status = 'FAILED' OR (status = 'NEEDS_ATTENTION' AND attention_action IS NOT NULL)
          UNION ALL
          SELECT transfer_id, NULL FROM transfer_sync_state WHERE status = 'NEEDS_ATTENTION' AND attention_action IS NULL`,
      );
      const unexplained = failed.filter((row) => !row.last_error);
      const queued = Object.values(status?.queues ?? {}).reduce((sum, queue) => sum + queue.failed, 0);
      return {
        name: 'nothing stays in a retry loop (queues drain, nothing PENDING, failures explained)',
        held: unexplained.length === 0,
        detail:
          `settled ${((Date.now() - started) / 1000).toFixed(1)} s after the load; ${status?.transfers.SYNCED} SYNCED, ${failed.length} FAILED or NEEDS_ATTENTION` +
          (failed.length ? ` (${sample(failed.map((row) => `${row.transfer_id}: ${row.last_error}`))})` : '') +
          `, ${queued} job(s) in failed sets` +
          (unexplained.length ? `; ${unexplained.length} FAILED without a reason` : ''),
      };
    }
    if (Date.now() - started > deadlineMs) {
      return { name: 'nothing stays in a retry loop (queues drain, nothing PENDING, failures explained)', held: false, detail: `not settled after ${deadlineMs / 1000} s: ${last}` };
    }
    await sleep(500);
  }
}

/** The four invariants, in the order that makes each meaningful: settle first, then compare. */
export async function checkInvariants(
  system: FaultSystem,
  clients: CommandClient[],
  admin: CommandClient,
  options: { settleMs: number; remoteStatus?: Map<string, string> },
): Promise<InvariantResult[]> {
  const settled = await nothingRetriesForever(system, admin, options.settleMs);
  return [
    await commandsExactlyOnce(system, clients),
    await readModelsEqualRebuild(system),
    await lightspeedMirrorsTransfers(system, options.remoteStatus),
    settled,
  ];
}
