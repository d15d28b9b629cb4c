import { setTimeout as sleep } from 'node:timers/promises';
import {
  canonicalId,
  CURRENT_SCHEMA_VERSION,
  decide,
  replayedVersion,
  type TransferCommand,
  type TransferRules,
  type TransferState,
} from '#domain';
import type { Database } from '../database/database.js';
import type { SqlClient } from '../database/sql-client.js';
import { appendToStream } from '../event-store/append-to-stream.js';
import type { EventMetadata, StoredEvent } from '../event-store/stored-event.js';
import { StreamVersionConflictError } from '../event-store/stream-version-conflict.error.js';
import { projectCommit } from '../projections/project-commit.js';
import { foldStored, loadTransfer, transferStreamId } from '../transfers/transfer-stream.js';
import { IdempotencyKeyReusedError, IdempotencyRaceError, VersionConflictError } from './command-errors.js';
import { findRememberedAnswer, rememberAnswer, type IdempotencyRequest, type StoredResponse } from './idempotency-store.js';

export interface CommandOutcome {
  transferId: string;
  before: TransferState | null;
  after: TransferState;
  events: StoredEvent[];
}

export interface ExecuteOptions {
  /** From If-Match: refuse with 409 unless the transfer is still at this version. */
  expectedVersion?: number;
  idempotency?: IdempotencyRequest;
  /**
   * Shapes the answer from the transfer as the command left it; the Idempotency-Key keeps that
   * version (in the same transaction) and a replay shapes the answer again from it.
   */
  toResponse: (outcome: CommandOutcome) => StoredResponse;
  /**
   * Checks the caller against the transfer as loaded (throw to refuse), before any answer is replayed
   * or anything decided; it may read through `client`. Saves the caller a connection and a round trip.
   */
  authorize?: (client: SqlClient, before: TransferState | null) => Promise<void>;
}

export interface ExecuteResult {
  response: StoredResponse;
  /**
   * Null when the answer was replayed: from an earlier request with the same Idempotency-Key, or
   * for a receipt or correction already recorded under its id.
   */
  outcome: CommandOutcome | null;
}

export type CommandMetadata = Omit<EventMetadata, 'idempotencyKey'>;

const MAX_ATTEMPTS = 8;

/**
 * Runs one command against one transfer: load its stream, decide, append, project, and record the
 * Idempotency-Key answer — all in one transaction, so a command either happened completely or not
 * at all. Without If-Match, a command that loses a race is decided again on the fresh state.
 */
export class TransferCommandExecutor {
  constructor(
    private readonly database: Database,
    private readonly rules: TransferRules,
  ) {}

  async execute(
    anyTransferId: string,
    anyCommand: TransferCommand,
    metadata: CommandMetadata,
    options: ExecuteOptions,
  ): Promise<ExecuteResult> {
    // One spelling for the stream, the read-model key and the created transfer's own id.
    const transferId = canonicalId(anyTransferId);
    const command = anyCommand.type === 'CreateTransfer' ? { ...anyCommand, transferId } : anyCommand;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.database.transaction((client) => this.attempt(client, transferId, command, metadata, options));
      } catch (error) {
        const lostRace = error instanceof StreamVersionConflictError || error instanceof IdempotencyRaceError;
        if (!lostRace) throw error;
        if (options.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
          throw new VersionConflictError(transferId, await this.currentVersion(transferId), options.expectedVersion ?? null);
        }
        await sleep(Math.random() * 5 * attempt);
      }
    }
  }

  private async attempt(
    client: SqlClient,
    transferId: string,
    command: TransferCommand,
    metadata: CommandMetadata,
    options: ExecuteOptions,
  ): Promise<ExecuteResult> {
    // Reads come before the first write, so this transaction's id is taken only after every
    // event it decided on had committed; the global (transaction id, position) order then agrees
    // with each stream's own order.
    const { state: before, events: history } = await loadTransfer(client, transferId);
    await options.authorize?.(client, before);
    if (options.idempotency) {
      const stored = await findRememberedAnswer(client, options.idempotency);
      if (stored) {
        if (stored.requestHash !== options.idempotency.requestHash) throw new IdempotencyKeyReusedError(options.idempotency.key);
        const { statusCode, etag, transfer, body } = stored.answer;
        if (transfer === null) return { response: { statusCode, etag, body }, outcome: null };
        // The answer may be another transfer's (a create retried without a client id) or newer than
        // the stream as loaded (a concurrent request with this key committed after the load).
        const loaded = transfer.id === transferId && (before?.version ?? 0) >= transfer.version;
        const answered = loaded ? history : (await loadTransfer(client, transfer.id)).events;
        const then = asOfVersion(answered, transfer.version);
        return { response: { ...options.toResponse({ transferId: transfer.id, before, after: then, events: [] }), statusCode, etag }, outcome: null };
      }
    }
    const context = { actorId: metadata.actor.id, actorRoles: metadata.actor.roles, rules: this.rules };
    // A repeated delivery is answered as it was first, however long ago, and before If-Match: the
    // version has moved on since the original was recorded.
    const replayOf = replayedVersion(before, command, context);
    if (replayOf !== null) {
      const then = asOfVersion(history, replayOf);
      const response = options.toResponse({ transferId, before, after: then, events: [] });
      await this.remember(client, options, response, { id: transferId, version: then.version });
      return { response, outcome: null };
    }
    if (options.expectedVersion !== undefined && before && before.version !== options.expectedVersion) {
      throw new VersionConflictError(transferId, before.version, options.expectedVersion);
    }
    const decided = decide(before, command, context);
    const events = await appendToStream(
      client,
      transferStreamId(transferId),
      before?.version ?? 0,
      decided.map((event) => ({ type: event.type, schemaVersion: CURRENT_SCHEMA_VERSION[event.type], data: event.data })),
      { ...metadata, idempotencyKey: options.idempotency?.key ?? null },
    );
    const after = foldStored(before, events) as TransferState;
    const outcome: CommandOutcome = { transferId, before, after, events };
    await projectCommit(client, outcome);
    const response = options.toResponse(outcome);
    await this.remember(client, options, response, { id: transferId, version: after.version });
    return { response, outcome };
  }

  private async remember(
    client: SqlClient,
    options: ExecuteOptions,
    response: StoredResponse,
    transfer: { id: string; version: number },
  ): Promise<void> {
    if (!options.idempotency) return;
    const answer = { statusCode: response.statusCode, etag: response.etag, transfer };
    if (!(await rememberAnswer(client, options.idempotency, answer))) throw new IdempotencyRaceError();
  }

  private async currentVersion(transferId: string): Promise<number> {
    const { state } = await this.database.withClient((client) => loadTransfer(client, transferId));
    return state?.version ?? 0;
  }
}

/** The transfer as it stood at `version`, folded from its already loaded history. */
function asOfVersion(history: readonly StoredEvent[], version: number): TransferState {
  return foldStored(null, history.filter((event) => event.streamVersion <= version)) as TransferState;
}
