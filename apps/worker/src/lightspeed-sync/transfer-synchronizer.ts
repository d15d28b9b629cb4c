import {
  desiredConsignment,
  linesMissingIn,
  nextSyncStep,
  requestIdempotencyKey,
  syncMarker,
  type BulkLineResult,
  type DesiredConsignment,
  type KnownConsignmentStatus,
  type LightspeedClient,
  type LightspeedError,
  type NewConsignmentLine,
  type RemoteConsignment,
  type RemoteConsignmentLine,
  type RemoteSnapshot,
  type SyncStep,
} from '#lightspeed';
import type { DivergentLine } from '#domain';
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
  saveWrittenLines,
  shadowVersion,
  withAdvisoryLock,
  type Database,
  type SqlClient,
  type TransferSyncState,
  type WrittenLines,
} from '#persistence';
import { isAmbiguous, isRefusal, LightspeedRefusalError, operatorAction } from './lightspeed-refusal.js';
import { TransferBusyError } from './transfer-busy.error.js';

export interface SyncOutcome {
  version: number;
  consignmentId: string | null;
  calls: number;
  warnings: string[];
}

/**
 * More steps than any lifecycle needs (a few per status, one absolute write per line and field): a loop that
 * does not converge stops instead of spinning.
 */
const MAX_STEPS = 25;
const STEPS_PER_LINE = 2;

/** Lines per page when the lines must be listed: the most the reference advises asking for, so a listing is one page and the empty one that ends it. */
const LINE_PAGE_SIZE = 1000;

export const MIRROR_DELETED_WARNING =
  'the consignment was deleted in Lightspeed: the sync does not make another one by itself; move the stock there by hand, or cancel this transfer';

/** Where the sync reports a mirror deleted in Lightspeed, as a divergence on the transfer. */
export interface MirrorDivergences {
  reconcile(consignment: RemoteConsignment, source: 'sync'): Promise<unknown>;
  reconcileGone(consignmentId: string, lastVersion: number, source: 'sync'): Promise<unknown>;
}

/**
 * Brings one transfer's consignment in Lightspeed to the transfer's current state. Level-triggered:
 * it reads what Lightspeed holds and issues only the calls still missing, so job order, repeats
 * and a crash between two calls do not matter. One worker at a time per transfer (advisory lock).
 */
export class TransferSynchronizer {
  constructor(
    private readonly database: Database,
    private readonly lightspeed: LightspeedClient,
    /** Records a line edited in Lightspeed on the transfer (as LightspeedDivergenceDetected) before it is written over. */
    private readonly noteLineEdit: (transferId: string, consignment: RemoteConsignment, line: DivergentLine) => Promise<void>,
    private readonly divergences: MirrorDivergences,
  ) {}

  async sync(transferId: string): Promise<SyncOutcome> {
    const outcome = await withAdvisoryLock(this.database, `sync:${transferId}`, () => this.syncLocked(transferId));
    if (!outcome.held) throw new TransferBusyError(transferId);
    return outcome.value;
  }

  private async syncLocked(transferId: string): Promise<SyncOutcome> {
    const { state } = await this.database.withClient((client) => loadTransfer(client, transferId));
    if (!state) throw new Error(`transfer ${transferId} has no events`);
    const syncState = await this.database.withClient((client) =>
      loadSyncState(client, transferId, syncMarker(transferId), state.version),
    );
    const run = new SyncRun(this.database, this.lightspeed, transferId, syncState.writtenLines, (consignment, line) =>
      this.noteLineEdit(transferId, consignment, line),
    );
    if (syncState.syncedVersion >= state.version) {
      // An earlier job already brought Lightspeed to this version: repeats cost no call.
      return { version: state.version, consignmentId: syncState.consignmentId, calls: 0, warnings: syncState.warnings };
    }
    const wanted = desiredConsignment(state);
    const warnings: string[] = [];
    let remote = wanted ? await run.readRemote(syncState, wanted) : null;
    if (wanted && run.mirrorGone) {
      // Deleted in Lightspeed: recorded, never silently replaced by a second consignment.
      if (wanted.status !== 'CANCELLED') warnings.push(MIRROR_DELETED_WARNING);
      await this.noteDeletion(run.mirrorGone);
    } else if (wanted) {
      let desired = wanted;
      const maxSteps = MAX_STEPS + STEPS_PER_LINE * desired.lines.length;
      for (let steps = 0; ; steps++) {
        const step = nextSyncStep(desired, remote);
        if (!step) break;
        if (step.kind === 'unreachable') {
          warnings.push(step.reason);
          break;
        }
        // Lightspeed prepares a count in the background: fail this attempt, the retry backs off.
        if (step.kind === 'wait') throw new Error(step.reason);
        if (steps >= maxSteps) throw new Error(`sync of ${transferId} did not converge in ${maxSteps} steps`);
        try {
          remote = await run.apply(step, remote, desired);
        } catch (error) {
          if (isRefusal(error)) throw new LightspeedRefusalError(error.message, operatorAction(step, desired, error));
          throw error;
        }
        // Lines Lightspeed refused one by one are left out; the rest of the consignment goes on.
        desired = { ...desired, lines: desired.lines.filter((line) => !run.refusedLines.has(line.productId)) };
      }
      warnings.push(...run.warnings());
      // Only a supplier order stops taking new products while still open to receipts (once DISPATCHED).
      if (remote && desired.type === 'SUPPLIER') warnings.push(...missingLineWarnings(linesMissingIn(desired, remote)));
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

/** A line edited in Lightspeed, noted on the transfer before the sync writes over it. */
type LineEditRecorder = (consignment: RemoteConsignment, line: DivergentLine) => Promise<void>;

interface LineWrite {
  productId: string;
  field: 'count' | 'received';
  value: number;
}

function lineWrites(productId: string, values: { count?: number; received?: number }): LineWrite[] {
  return (['count', 'received'] as const).flatMap((field) => (values[field] === undefined ? [] : [{ productId, field, value: values[field] }]));
}

function missingLineWarnings(productIds: string[]): string[] {
  if (productIds.length === 0) return [];
  return [
    `Lightspeed takes no new product on an order once it is dispatched: ${productIds.join(', ')} received here but not on the order there; adjust their stock in Lightspeed by hand`,
  ];
}

/** The calls of one sync of one transfer, each recorded under its idempotency key. */
class SyncRun {
  calls = 0;
  consignmentId: string | null = null;
  /** Products Lightspeed refused on their own (product id → its answer); the other lines were written. */
  readonly refusedLines = new Map<string, string>();
  private costRefused = false;
  private written: WrittenLines;
  /** The consignment this transfer had in Lightspeed is deleted there (`deleted_at`) or gone (404). */
  mirrorGone: { consignmentId: string; read: RemoteConsignment | null } | null = null;

  constructor(
    private readonly database: Database,
    private readonly lightspeed: LightspeedClient,
    private readonly transferId: string,
    written: WrittenLines,
    private readonly noteLineEdit: LineEditRecorder,
  ) {
    this.written = { ...written };
  }

  warnings(): string[] {
    const warnings = [...this.refusedLines].map(
      ([productId, answer]) => `Lightspeed refused product ${productId} (${answer}): it is not on the consignment there; adjust its stock in Lightspeed by hand`,
    );
    if (this.costRefused) warnings.push("Lightspeed would not take our cost on the consignment's lines: they carry the product's supply price there");
    return warnings;
  }

  /** What Lightspeed holds: by id, or — if a create may have reached it before a crash — by marker. */
  async readRemote(syncState: TransferSyncState, desired: DesiredConsignment): Promise<RemoteSnapshot | null> {
    let consignment = syncState.consignmentId ? await this.count(this.lightspeed.getConsignment(syncState.consignmentId)) : null;
    if (!consignment && syncState.createStartedAt) {
      consignment = await this.findByMarker(desired);
      if (consignment) await this.database.withClient((client) => saveConsignmentId(client, this.transferId, consignment!.id));
    }
    if (syncState.consignmentId && (!consignment || consignment.deletedAt)) {
      this.mirrorGone = { consignmentId: syncState.consignmentId, read: consignment };
      return null;
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
        // Only lines created here or held at zero: the value added is the value the line ends with.
        await this.beforeLineWrites(current, step.lines.flatMap((line) => lineWrites(line.productId, line)));
        const results = await this.addLines(id, step.lines);
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
        await this.rememberWritten(results);
        return this.afterLineWrite(current, [...lines.values()], step.lines.some((line) => line.received !== undefined), desired);
      }
      case 'set-line': {
        await this.beforeLineWrites(current, lineWrites(step.productId, step.values));
        const updated = await this.recorded('PUT', `/consignments/${id}/products/${step.productId}`, step.values, (idempotencyKey) =>
          this.lightspeed.setConsignmentProduct(id, step.productId, step.values, { idempotencyKey }),
        );
        await this.rememberWritten([updated]);
        const lines = current.lines.filter((line) => line.productId !== step.productId).concat(updated);
        return this.afterLineWrite(current, lines, step.values.received !== undefined, desired);
      }
      case 'set-status': {
        const consignment = await this.changeStatus(id, step.status);
        // The answer carries the version this change made: its webhook, and the next sync's line listing, cost nothing.
        await this.database.withClient((client) => rememberOwnWrite(client, consignment, current.lines));
        return { consignment, lines: current.lines };
      }
    }
  }

  /**
   * A status change is sent once. If its answer is lost it may have been applied — and Lightspeed refuses a
   * repeat once the status is final — so the consignment is read, and the change counts as made if it is there.
   */
  private async changeStatus(id: string, status: KnownConsignmentStatus) {
    try {
      return await this.recorded('PUT', `/consignments/${id}`, { status }, (idempotencyKey) =>
        this.lightspeed.updateConsignment(id, { status }, { idempotencyKey }),
      );
    } catch (error) {
      if (!isAmbiguous(error)) throw error;
      const consignment = await this.count(this.lightspeed.getConsignment(id));
      if (consignment?.status !== status) throw error;
      return consignment;
    }
  }

  /**
   * One bulk call. Lightspeed refuses a bulk call as a whole (nothing applied) when one item is refused, so a
   * refused call is split until the refused products are found: they are reported, the others written. A cost
   * Lightspeed will not take is dropped (the line keeps the supply price, with a warning). A call whose every
   * line is refused is about the consignment, not a product: that refusal stands.
   */
  private async addLines(id: string, lines: NewConsignmentLine[]): Promise<BulkLineResult[]> {
    try {
      return await this.recorded('POST', `/consignments/${id}/bulk`, lines, (idempotencyKey) =>
        this.lightspeed.bulkConsignmentProducts(id, lines, { idempotencyKey }),
      );
    } catch (error) {
      if (!isRefusal(error) || error.status === 404) throw error;
      if (lines.some((line) => line.cost !== undefined) && /cost/i.test(error.message)) {
        this.costRefused = true;
        return this.addLines(id, lines.map(({ cost: _cost, ...line }) => line));
      }
      const results = lines.length === 1 ? this.refuseLine(lines[0]!, error) : await this.addHalves(id, lines);
      if (lines.every((line) => this.refusedLines.has(line.productId))) {
        for (const line of lines) this.refusedLines.delete(line.productId);
        throw error;
      }
      return results;
    }
  }

  private async addHalves(id: string, lines: NewConsignmentLine[]): Promise<BulkLineResult[]> {
    const half = Math.ceil(lines.length / 2);
    const first = await this.addLinesKeepingRefusals(id, lines.slice(0, half));
    return first.concat(await this.addLinesKeepingRefusals(id, lines.slice(half)));
  }

  /** Within a split, a half refused as a whole is only some of the lines: keep it as refused lines. */
  private async addLinesKeepingRefusals(id: string, lines: NewConsignmentLine[]): Promise<BulkLineResult[]> {
    try {
      return await this.addLines(id, lines);
    } catch (error) {
      if (!isRefusal(error) || error.status === 404) throw error;
      for (const line of lines) this.refusedLines.set(line.productId, answerOf(error));
      return [];
    }
  }

  private refuseLine(line: NewConsignmentLine, error: LightspeedError): BulkLineResult[] {
    this.refusedLines.set(line.productId, answerOf(error));
    return [];
  }

  /** What Lightspeed now holds after our write: the only value of ours for those lines from now on. */
  private async rememberWritten(lines: { productId: string; count: number | null; received: number | null }[]): Promise<void> {
    if (lines.length === 0) return;
    for (const line of lines) {
      const written = (this.written[line.productId] ??= {});
      if (line.count !== null) written.count = [line.count];
      if (line.received !== null) written.received = [line.received];
    }
    await this.database.withClient((client) => saveWrittenLines(client, this.transferId, this.written));
  }

  /**
   * Before writing over lines: a value Lightspeed holds that this service never wrote there was put there by
   * someone (6 → 9 in Lightspeed) and is noted on the transfer first; then the value about to be written is kept
   * beside the last confirmed one, so a crash mid-write is not mistaken for such an edit.
   */
  private async beforeLineWrites(current: RemoteSnapshot, writes: LineWrite[]): Promise<void> {
    for (const write of writes) {
      const held = current.lines.find((line) => line.productId === write.productId);
      const ours = this.written[write.productId]?.[write.field];
      if (!held || !ours || ours.includes(held[write.field] ?? 0)) continue;
      await this.noteLineEdit(current.consignment, {
        productId: write.productId,
        field: write.field,
        lightspeedValue: held[write.field] ?? 0,
        lastWritten: ours[0]!,
        ourValue: write.value,
      });
    }
    for (const write of writes) {
      const written = (this.written[write.productId] ??= {});
      const ours = written[write.field] ?? [];
      written[write.field] = ours.includes(write.value) ? ours : [...ours.slice(0, 1), write.value];
    }
    await this.database.withClient((client) => saveWrittenLines(client, this.transferId, this.written));
  }

  /** Writing `received` on a sent supplier order moves it to DISPATCHED: read the status it now has. */
  private async afterLineWrite(current: RemoteSnapshot, lines: RemoteSnapshot['lines'], wroteReceived: boolean, desired: DesiredConsignment) {
    // Once DISPATCHED a received quantity changes no status: no read per line of a final receipt.
    const mayDispatch = desired.type === 'SUPPLIER' && current.consignment.status !== 'DISPATCHED';
    if (!wroteReceived || !mayDispatch) return { consignment: current.consignment, lines };
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

/** Lightspeed's answer without the request line the error message starts with. */
function answerOf(error: LightspeedError): string {
  const body = error.body as { error?: unknown } | null;
  return typeof body?.error === 'string' ? body.error : error.message;
}
