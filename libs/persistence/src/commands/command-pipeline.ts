import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { canonicalId, type Actor, type DomainEvent } from '#domain';
import type { Database } from '../database/database.js';
import type { SqlClient } from '../database/sql-client.js';
import { foldRecorded } from '../event-store/fold-recorded.js';
import { currentStreamVersion } from '../event-store/read-stream.js';
import type { CommittedEvent, EventMetadata, RecordedEvent } from '../event-store/stored-event.js';
import { StreamVersionConflictError } from '../event-store/stream-version-conflict.error.js';
import type { Aggregate } from './aggregate.js';
import { IdempotencyKeyReusedError, IdempotencyRaceError, VersionConflictError } from './command-errors.js';
import { loadCommandInput, rememberAnswer, streamIdOf, writeCommit, type CommandInput } from './command-statements.js';
import type { IdempotencyRequest } from './idempotency-store.js';

/** Who sends a command and under which preconditions; the same for the API, the worker and any import. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  /** One command's events share it (an audit entry's unit); a new one when not given. */
  commandId?: string;
  /** From an Idempotency-Key: the same key with the same request gets the first answer again. */
  idempotency?: { key: string; requestHash: string };
  /** From If-Match: refuse with a VersionConflictError unless the aggregate is still at this version. */
  expectedVersion?: number;
  /**
   * Work that stands or falls with the command's events: it runs in their transaction once they are
   * written (only when the command appended some), and if it throws, nothing is recorded.
   */
  alongside?: (client: SqlClient) => Promise<void>;
}

export interface CommandResult<Answer> {
  id: string;
  version: number;
  /** The aggregate as the command left it (or, replayed, as the first answer showed it). */
  view: Answer;
  /** Answered as before: a repeated Idempotency-Key, or a delivery already recorded under its id. */
  replayed: boolean;
  /** Whether this command appended events (false: replayed, or already done). */
  changed: boolean;
  /** Only for an answer kept whole before answers were kept by version: send it as it was stored. */
  stored?: { statusCode: number; etag: string | null; body: unknown };
}

const MAX_ATTEMPTS = 8;

/**
 * Runs one command against one aggregate, the same way for every aggregate and every caller, in ONE
 * transaction of at most four round trips: BEGIN; one statement loads the stream, the remembered
 * Idempotency-Key answer and the aggregate's facts; authorize, check, decide and fold in memory; one
 * statement appends the events, writes the projections and remembers the answer; COMMIT. Without
 * If-Match, a command that loses a race is decided again on the fresh state (bounded, jittered).
 */
export class CommandPipeline {
  constructor(private readonly database: Database) {}

  async handle<State, Command extends { type: string }, Event extends DomainEvent, Context, Facts, View, Answer>(
    aggregate: Aggregate<State, Command, Event, Context, Facts, View, Answer>,
    anyId: string,
    anyCommand: Command,
    context: CommandContext,
  ): Promise<CommandResult<Answer>> {
    // One spelling for the stream, the read-model key and a created aggregate's own id.
    const id = canonicalId(anyId);
    const command = aggregate.decider.identify(anyCommand, id);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.database.transaction((client) => this.attempt(client, aggregate, id, command, context));
      } catch (error) {
        const lostRace = error instanceof StreamVersionConflictError || error instanceof IdempotencyRaceError;
        if (!lostRace) throw error;
        if (context.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
          const current = await this.database.withClient((client) => currentStreamVersion(client, streamIdOf(aggregate, id)));
          throw new VersionConflictError(aggregate.decider.streamPrefix, id, current, context.expectedVersion ?? null);
        }
        await sleep(Math.random() * 5 * attempt);
      }
    }
  }

  private async attempt<State, Command extends { type: string }, Event extends DomainEvent, Context, Facts, View, Answer>(
    client: SqlClient,
    aggregate: Aggregate<State, Command, Event, Context, Facts, View, Answer>,
    id: string,
    command: Command,
    context: CommandContext,
  ): Promise<CommandResult<Answer>> {
    const { decider } = aggregate;
    const idempotency: IdempotencyRequest | null = context.idempotency ? { scope: context.actor.id, ...context.idempotency } : null;
    // Reads come before the first write, so this transaction's id is taken only after every event it
    // decided on had committed; the global (transaction id, position) order then agrees with each
    // stream's own order.
    const input = await loadCommandInput(client, aggregate, id, command, idempotency);
    const fold = (state: State | null, events: readonly RecordedEvent[]) => foldRecorded(decider, state, events);
    const before = fold(null, input.events);
    decider.authorize(context.actor, command, before, id);
    aggregate.checkFacts(command, before, input.facts);

    const answer = (state: State, version: number, facts: Facts, replayed: boolean, answerId = id): CommandResult<Answer> => ({
      id: answerId,
      version,
      view: aggregate.answer(aggregate.view(state), facts),
      replayed,
      changed: false,
    });
    /** The aggregate as it stood at `version`, folded again from a loaded stream. */
    const asOf = (loaded: CommandInput<Facts>, version: number) => fold(null, loaded.events.filter((event) => event.streamVersion <= version)) as State;
    const version = streamVersionOf(input);

    if (idempotency && input.remembered) {
      const { requestHash, aggregate: answered, stored } = input.remembered;
      if (requestHash !== idempotency.requestHash) throw new IdempotencyKeyReusedError(idempotency.key);
      if (!answered) return { id, version, view: stored?.body as Answer, replayed: true, changed: false, ...(stored ? { stored } : {}) };
      // The answer may be another aggregate's: a create retried without a client id made a fresh id.
      const loaded = answered.id === id ? input : await loadCommandInput(client, aggregate, answered.id, command, null);
      return answer(asOf(loaded, answered.version), answered.version, loaded.facts, true, answered.id);
    }

    const decisionContext = aggregate.decisionContext(context.actor, input.facts);
    // A repeated delivery is answered as it was first, however long ago, and before If-Match: the
    // version has moved on since the original was recorded.
    const replayOf = decider.replayedVersion?.(before, command, decisionContext) ?? null;
    if (replayOf !== null) {
      await this.remember(client, idempotency, { id, version: replayOf });
      return answer(asOf(input, replayOf), replayOf, input.facts, true);
    }
    if (context.expectedVersion !== undefined && before !== null && version !== context.expectedVersion) {
      throw new VersionConflictError(aggregate.decider.streamPrefix, id, version, context.expectedVersion);
    }
    const decided = decider.decide(before, command, decisionContext);
    if (decided.length === 0) {
      // Already done: nothing to append, and the answer is the aggregate as it stands.
      await this.remember(client, idempotency, { id, version });
      return answer(before as State, version, input.facts, false);
    }
    const metadata: EventMetadata = {
      actor: { id: context.actor.id, name: context.actor.name, roles: [...context.actor.roles] },
      correlationId: context.correlationId,
      causationId: context.causationId,
      idempotencyKey: idempotency?.key ?? null,
      commandName: command.type,
      commandId: context.commandId ?? randomUUID(),
    };
    const events: CommittedEvent[] = decided.map((event, index) => ({
      eventId: randomUUID(),
      streamId: streamIdOf(aggregate, id),
      streamVersion: version + index + 1,
      eventType: event.type,
      schemaVersion: decider.schemaVersion(event.type),
      // As the store gives it back: what is folded now is what a later load folds.
      payload: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
      metadata,
      recordedAt: input.now,
    }));
    const after = fold(before, events) as State;
    const view = aggregate.view(after);
    const committed = { id, version: version + events.length };
    if (!(await writeCommit(client, aggregate, { before, after, events }, view, idempotency, committed))) throw new IdempotencyRaceError();
    await context.alongside?.(client);
    return { ...committed, view: aggregate.answer(view, input.facts), replayed: false, changed: true };
  }

  private async remember(client: SqlClient, idempotency: IdempotencyRequest | null, answer: { id: string; version: number }): Promise<void> {
    if (idempotency && !(await rememberAnswer(client, idempotency, answer))) throw new IdempotencyRaceError();
  }
}

function streamVersionOf(input: CommandInput<unknown>): number {
  return input.events.at(-1)?.streamVersion ?? 0;
}
