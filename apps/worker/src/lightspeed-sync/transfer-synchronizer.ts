import {
  desiredConsignment,
  nextSyncStep,
  requestIdempotencyKey,
  syncMarker,
  type DesiredConsignment,
  type LightspeedClient,
  type RemoteConsignment,
  type RemoteConsignmentLine,
  type RemoteSnapshot,
  type SyncStep,
} from '#lightspeed';
import {
  completeLightspeedRequest,
  knownLinesAt,
  loadSyncState,
  loadTransfer,
  markCreateStarted,
  markSynced,
  recordLightspeedRequest,
  rememberOwnWrite,
  saveConsignmentId,
  shadowVersion,
  type Database,
  type SqlClient,
  type TransferSyncState,
} from '#persistence';
import { TransferBusyError } from './transfer-busy.error.js';

export interface SyncOutcome {
  version: number;
  consignmentId: string | null;
  calls: number;
  warnings: string[];
}

/** Lines per page when the lines must be listed: the most the reference advises asking for, so a listing is one page and the empty one that ends it. */
const LINE_PAGE_SIZE = 1000;

export const MIRROR_DELETED_WARNING =
  'the consignment was deleted in Lightspeed: the sync does not make another one by itself; move the stock there by hand, or cancel this transfer';

/** Where the sync reports a mirror deleted in Lightspeed, as a divergence on the transfer. */
export interface MirrorDivergences {
  reconcile(consignment: RemoteConsignment, source: 'sync'): Promise<unknown>;
  reconcileGone(consignmentId: string, lastVersion: number, source: 'sync'): Promise<unknown>;
}

/** More steps than any lifecycle needs: a loop that does not converge stops instead of spinning. */
const MAX_STEPS = 25;

/**
 * Brings one transfer's consignment in Lightspeed to the transfer's current state. Level-triggered:
 * it reads what Lightspeed holds and issues only the calls still missing, so job order, repeats
 * and a crash between two calls do not matter. One worker at a time per transfer (advisory lock).
 */
export class TransferSynchronizer {
  constructor(
    private readonly database: Database,
    private readonly lightspeed: LightspeedClient,
    private readonly divergences: MirrorDivergences,
  ) {}

  sync(transferId: string): Promise<SyncOutcome> {
    return this.database.withClient(async (lockClient) => {
      const { rows } = await lockClient.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [`sync:${transferId}`],
      );
      if (!rows[0]?.locked) throw new TransferBusyError(transferId);
      try {
        return await this.syncLocked(transferId);
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock(hashtext($1))', [`sync:${transferId}`]);
      }
    });
  }

  private async syncLocked(transferId: string): Promise<SyncOutcome> {
    const { state } = await this.database.withClient((client) => loadTransfer(client, transferId));
    if (!state) throw new Error(`transfer ${transferId} has no events`);
    const syncState = await this.database.withClient((client) =>
      loadSyncState(client, transferId, syncMarker(transferId), state.version),
    );
    const run = new SyncRun(this.database, this.lightspeed, transferId);
    if (syncState.syncedVersion >= state.version) {
      // An earlier job already brought Lightspeed to this version: repeats cost no call.
      return { version: state.version, consignmentId: syncState.consignmentId, calls: 0, warnings: syncState.warnings };
    }
    const desired = desiredConsignment(state);
    const warnings: string[] = [];
    let remote = desired ? await run.readRemote(syncState, desired) : null;
    if (desired && run.mirrorGone) {
      // Deleted in Lightspeed: recorded, never silently replaced by a second consignment.
      if (desired.status !== 'CANCELLED') warnings.push(MIRROR_DELETED_WARNING);
      await this.noteDeletion(run.mirrorGone);
    } else if (desired) {
      for (let steps = 0; ; steps++) {
        const step = nextSyncStep(desired, remote);
        if (!step) break;
        if (step.kind === 'unreachable') {
          warnings.push(step.reason);
          break;
        }
        // Lightspeed prepares a count in the background: fail this attempt, the retry backs off.
        if (step.kind === 'wait') throw new Error(step.reason);
        if (steps >= MAX_STEPS) throw new Error(`sync of ${transferId} did not converge in ${MAX_STEPS} steps`);
        remote = await run.apply(step, remote, desired);
      }
    }
    const outcome = { version: state.version, consignmentId: run.consignmentId ?? syncState.consignmentId, calls: run.calls, warnings };
    await this.database.withClient((client) => markSynced(client, transferId, outcome));
    return outcome;
  }

  private async noteDeletion(gone: { consignmentId: string; read: RemoteConsignment | null }): Promise<void> {
    if (gone.read) {
      await this.divergences.reconcile(gone.read, 'sync');
      return;
    }
    const last = await this.database.withClient((client) => shadowVersion(client, 'consignment', gone.consignmentId));
    await this.divergences.reconcileGone(gone.consignmentId, last ?? 0, 'sync');
  }
}

/** The calls of one sync of one transfer, each recorded under its idempotency key. */
class SyncRun {
  calls = 0;
  consignmentId: string | null = null;
  /** The consignment this transfer had in Lightspeed is deleted there (`deleted_at`) or gone (404). */
  mirrorGone: { consignmentId: string; read: RemoteConsignment | null } | null = null;

  constructor(
    private readonly database: Database,
    private readonly lightspeed: LightspeedClient,
    private readonly transferId: string,
  ) {}

  /** What Lightspeed holds: by id, or — if a create may have reached it before a crash — by marker. */
  async readRemote(syncState: TransferSyncState, desired: DesiredConsignment): Promise<RemoteSnapshot | null> {
    let consignment = syncState.consignmentId ? await this.count(this.lightspeed.getConsignment(syncState.consignmentId)) : null;
    if (syncState.consignmentId && (!consignment || consignment.deletedAt)) {
      this.mirrorGone = { consignmentId: syncState.consignmentId, read: consignment };
      return null;
    }
    if (!consignment && syncState.createStartedAt) {
      consignment = await this.findByMarker(desired);
      if (consignment) await this.database.withClient((client) => saveConsignmentId(client, this.transferId, consignment!.id));
    }
    if (!consignment) return null;
    this.consignmentId = consignment.id;
    // Unchanged since our own last write: its lines are the ones that write left.
    const known = await this.database.withClient((client) => knownLinesAt<RemoteConsignmentLine>(client, consignment.id, consignment.version));
    return { consignment, lines: known ?? (await this.count(this.lightspeed.listAllConsignmentProducts(consignment.id, LINE_PAGE_SIZE))) };
  }

  async apply(step: Exclude<SyncStep, { kind: 'unreachable' | 'wait' }>, remote: RemoteSnapshot | null, desired: DesiredConsignment): Promise<RemoteSnapshot> {
    if (step.kind === 'create') {
      await this.database.withClient((client) => markCreateStarted(client, this.transferId));
      const consignment = await this.recorded('POST', '/consignments', step.consignment, (idempotencyKey) =>
        this.lightspeed.createConsignment(step.consignment, { idempotencyKey }),
      );
      this.consignmentId = consignment.id;
      await this.database.withClient((client) => saveConsignmentId(client, this.transferId, consignment.id));
      return { consignment, lines: [] };
    }
    const current = remote as RemoteSnapshot;
    const id = current.consignment.id;
    switch (step.kind) {
      case 'add-to-lines': {
        const results = await this.recorded('POST', `/consignments/${id}/bulk`, step.lines, (idempotencyKey) =>
          this.lightspeed.bulkConsignmentProducts(id, step.lines, { idempotencyKey }),
        );
        const lines = new Map(current.lines.map((line) => [line.productId, line]));
        for (const result of results) {
          const line = lines.get(result.productId);
          lines.set(result.productId, {
            productId: result.productId,
            sku: line?.sku ?? null,
            cost: line?.cost ?? null,
            version: null,
            count: result.count,
            received: result.received,
          });
        }
        return this.afterLineWrite(current, [...lines.values()], step.lines.some((line) => line.received !== undefined), desired);
      }
      case 'set-line': {
        const updated = await this.recorded('PUT', `/consignments/${id}/products/${step.productId}`, step.values, (idempotencyKey) =>
          this.lightspeed.setConsignmentProduct(id, step.productId, step.values, { idempotencyKey }),
        );
        const lines = current.lines.filter((line) => line.productId !== step.productId).concat(updated);
        return this.afterLineWrite(current, lines, step.values.received !== undefined, desired);
      }
      case 'set-status': {
        const consignment = await this.recorded('PUT', `/consignments/${id}`, { status: step.status }, (idempotencyKey) =>
          this.lightspeed.updateConsignment(id, { status: step.status }, { idempotencyKey }),
        );
        // The answer carries the version this change made: its webhook, and the next sync's line listing, cost nothing.
        await this.database.withClient((client) => rememberOwnWrite(client, consignment, current.lines));
        return { consignment, lines: current.lines };
      }
    }
  }

  /** Writing `received` on a sent supplier order moves it to DISPATCHED: read the status it now has. */
  private async afterLineWrite(current: RemoteSnapshot, lines: RemoteSnapshot['lines'], wroteReceived: boolean, desired: DesiredConsignment) {
    if (!wroteReceived || desired.type !== 'SUPPLIER') return { consignment: current.consignment, lines };
    const consignment = await this.count(this.lightspeed.getConsignment(current.consignment.id));
    return { consignment: consignment ?? current.consignment, lines };
  }

  private async findByMarker(desired: DesiredConsignment) {
    let after: number | undefined;
    for (;;) {
      const page = await this.count(this.lightspeed.listConsignments({ type: desired.type, outletId: desired.outletId, after, pageSize: 1000 }));
      const found = page.items.find((consignment) => consignment.name === desired.marker && !consignment.deletedAt);
      if (found) return found;
      if (page.items.length === 0 || page.versionMax === null) return null;
      after = page.versionMax;
    }
  }

  /** Records the call under its idempotency key before sending it, then sends it carrying that key. */
  private async recorded<T>(method: string, path: string, body: unknown, call: (idempotencyKey: string) => Promise<T>): Promise<T> {
    const key = requestIdempotencyKey(method, path, body);
    const id = await this.database.withClient((client: SqlClient) =>
      recordLightspeedRequest(client, { transferId: this.transferId, idempotencyKey: key, method, path }),
    );
    try {
      const result = await this.count(call(key));
      await this.database.withClient((client) => completeLightspeedRequest(client, id, 200));
      return result;
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      await this.database.withClient((client) => completeLightspeedRequest(client, id, status));
      throw error;
    }
  }

  private async count<T>(call: Promise<T>): Promise<T> {
    this.calls++;
    return call;
  }
}
