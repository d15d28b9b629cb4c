import type { TransferState } from '#domain';
import type { Database } from '../database/database.js';
import type { SqlClient } from '../database/sql-client.js';
import { rebuildBoxTypeRows } from '../box-types/rebuild-box-types.js';
import { rebuildProductDimensionsRows } from '../product-dimensions/rebuild-product-dimensions.js';
import { rebuildShippingAddressRows } from '../shipping-addresses/rebuild-shipping-addresses.js';
import { readStreamsByPrefix } from '../event-store/read-streams.js';
import type { StoredEvent } from '../event-store/stored-event.js';
import { foldStored, TRANSFER_STREAM_PREFIX, transferIdOfStream } from '../transfers/transfer-stream.js';
import {
  auditRow,
  readModelRow,
  stockInTransitRows,
  transferEvidenceRows,
  type AuditRow,
  type StockInTransitRow,
  type TransferEvidenceRow,
  type TransferReadModelRow,
} from './projection-rows.js';
import { insertStreamAuditRows, insertTransferEvidence, replaceStockInTransit, upsertReadModels } from './projection-writers.js';

export const PROJECTION_TABLES = ['transfer_read_model', 'stock_in_transit', 'audit_trail', 'transfer_evidence', 'box_type_read_model', 'product_dimensions', 'shipping_addresses'] as const;

/** Events read per query: a batch of the largest events (a 2,000-line creation) stays a few MB. */
const READ_BATCH = 500;
/** Rows are written once this much of their JSON is waiting, so memory never grows with the history. */
const WRITE_BATCH_BYTES = 4 * 1024 * 1024;

export interface RebuildReport {
  events: number;
  transfers: number;
  auditRows: number;
  boxTypes: number;
  /** Products with dimensions. */
  measuredProducts: number;
  /** Outlets and suppliers with a shipping address. */
  shippingAddresses: number;
  /** Streams named `transfer-…` that are no transfer id in its one spelling: not projected. */
  skippedStreams: string[];
  seconds: number;
}

/**
 * Throws the projections away and replays every transfer stream into them, then every box-type
 * stream into the catalogue's read model, every product-dimensions stream and every shipping-address
 * stream into its table, in one transaction.
 * The tables are locked against writers (readers still see the old rows until commit), so a
 * command that commits during the rebuild waits, then projects on top of the rebuilt rows.
 *
 * It streams: events are read in bounded batches and folded commit by commit, and rows are written
 * whenever a few MB of them wait. What it holds at once is one transfer's state, the commit being
 * read and one write batch — never a whole stream's events or audit trail.
 */
export async function rebuildProjections(database: Database): Promise<RebuildReport> {
  const started = performance.now();
  return database.transaction(async (client) => {
    await client.query(`LOCK TABLE ${PROJECTION_TABLES.join(', ')} IN EXCLUSIVE MODE`);
    for (const table of PROJECTION_TABLES) await client.query(`DELETE FROM ${table}`);
    const rows = new ProjectionBatch(client);
    let events = 0;
    const streams = new StreamsFold(rows);
    for await (const batch of readStreamsByPrefix(client, TRANSFER_STREAM_PREFIX, READ_BATCH)) {
      events += batch.length;
      for (const event of batch) streams.add(event);
      await rows.writeIfFull();
    }
    streams.finish();
    await rows.write();
    const boxTypes = await rebuildBoxTypeRows(client, READ_BATCH);
    const dimensions = await rebuildProductDimensionsRows(client, READ_BATCH);
    const addresses = await rebuildShippingAddressRows(client, READ_BATCH);
    return {
      events: events + boxTypes.events + dimensions.events + addresses.events,
      transfers: rows.transfers,
      auditRows: rows.auditRows,
      boxTypes: boxTypes.boxTypes,
      measuredProducts: dimensions.products,
      shippingAddresses: addresses.addresses,
      skippedStreams: streams.skipped,
      seconds: (performance.now() - started) / 1000,
    };
  });
}

/**
 * Streams folded as their events arrive, in stream order: a commit (one command's events) is audited
 * once its last event has been seen, a transfer's read model once its stream has ended.
 */
class StreamsFold {
  private state: TransferState | null = null;
  private commit: StoredEvent[] = [];
  readonly skipped: string[] = [];

  constructor(private readonly rows: ProjectionBatch) {}

  add(event: StoredEvent): void {
    // Such a stream shares its read-model key with the transfer's own stream (uuid ignores case).
    if (transferIdOfStream(event.streamId) === null) {
      if (this.skipped.at(-1) !== event.streamId) this.skipped.push(event.streamId);
      return;
    }
    const current = this.commit[0];
    if (current && current.streamId !== event.streamId) this.finish();
    else if (current && current.metadata.commandId !== event.metadata.commandId) this.closeCommit();
    this.commit.push(event);
  }

  /** Ends the current stream. */
  finish(): void {
    this.closeCommit();
    if (this.state) this.rows.addTransfer(readModelRow(this.state), stockInTransitRows(this.state), transferEvidenceRows(this.state));
    this.state = null;
  }

  private closeCommit(): void {
    const events = this.commit;
    this.commit = [];
    const after = foldStored(this.state, events);
    if (!after || events.length === 0) return;
    this.rows.addAudit(auditRow({ before: this.state, after, events }));
    this.state = after;
  }
}

/** Rows waiting to be written in bulk, with the size of their JSON. */
class ProjectionBatch {
  transfers = 0;
  auditRows = 0;
  private readModels: TransferReadModelRow[] = [];
  private inTransit: StockInTransitRow[] = [];
  private audits: AuditRow[] = [];
  private evidence: TransferEvidenceRow[] = [];
  private bytes = 0;

  constructor(private readonly client: SqlClient) {}

  addTransfer(readModel: TransferReadModelRow, inTransit: readonly StockInTransitRow[], evidence: readonly TransferEvidenceRow[]): void {
    this.readModels.push(readModel);
    this.inTransit.push(...inTransit);
    this.evidence.push(...evidence);
    // The document is most of a read-model row; an in-transit or evidence row is about 200 (300) bytes.
    this.bytes += JSON.stringify(readModel.document).length + inTransit.length * 200 + evidence.length * 300;
  }

  addAudit(row: AuditRow): void {
    this.audits.push(row);
    this.bytes += 500 + JSON.stringify(row.changes).length;
  }

  async writeIfFull(): Promise<void> {
    if (this.bytes >= WRITE_BATCH_BYTES) await this.write();
  }

  async write(): Promise<void> {
    const { readModels, inTransit, audits, evidence } = this;
    this.readModels = [];
    this.inTransit = [];
    this.audits = [];
    this.evidence = [];
    this.bytes = 0;
    await upsertReadModels(this.client, readModels);
    await replaceStockInTransit(this.client, readModels.map((row) => row.id), inTransit);
    await insertStreamAuditRows(this.client, audits);
    await insertTransferEvidence(this.client, evidence);
    this.transfers += readModels.length;
    this.auditRows += audits.length;
  }
}
