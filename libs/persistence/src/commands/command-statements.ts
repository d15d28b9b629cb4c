import type { DomainEvent } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import { buildStatement } from '../database/statement.js';
import { parseTimestamp } from '../database/timestamps.js';
import { isStreamVersionViolation } from '../event-store/append-to-stream.js';
import type { RecordedEvent } from '../event-store/stored-event.js';
import { StreamVersionConflictError } from '../event-store/stream-version-conflict.error.js';
import type { Aggregate, AggregateCommit } from './aggregate.js';
import { parseRememberedAnswer, rememberAnswerCte, rememberedAnswerSql, type IdempotencyRequest, type RememberedAnswer } from './idempotency-store.js';

/** Any aggregate, as far as its statements go (its decisions and answers are the pipeline's business). */
type AnyAggregate<State, Command extends { type: string }, Facts, View> = Aggregate<State, Command, DomainEvent, unknown, Facts, View, unknown>;

/** Everything a command is decided on, read in one statement (one snapshot). */
export interface CommandInput<Facts> {
  /** The transaction's timestamp: the time the events this command appends are recorded at. */
  now: Date;
  events: RecordedEvent[];
  remembered: RememberedAnswer | null;
  facts: Facts;
}

export function streamIdOf(aggregate: { decider: { streamPrefix: string } }, id: string): string {
  return `${aggregate.decider.streamPrefix}-${id}`;
}

/** Round trip 2 of a command: the stream, the answer remembered under its Idempotency-Key, and the aggregate's facts. */
export async function loadCommandInput<State, Command extends { type: string }, Facts, View>(
  client: SqlClient,
  aggregate: AnyAggregate<State, Command, Facts, View>,
  id: string,
  command: Command,
  idempotency: IdempotencyRequest | null,
): Promise<CommandInput<Facts>> {
  const statement = buildStatement(
    `${aggregate.decider.streamPrefix}.command.load`,
    (bind) => `SELECT now() AS now,
         (SELECT coalesce(json_agg(json_build_object('streamVersion', stream_version, 'eventType', event_type,
                   'schemaVersion', schema_version, 'payload', payload, 'recordedAt', recorded_at::text) ORDER BY stream_version), '[]'::json)
            FROM events WHERE stream_id = ${bind(streamIdOf(aggregate, id))}::text) AS events,
         ${rememberedAnswerSql(bind, idempotency)} AS remembered,
         ${aggregate.factsSql(bind, id, command)} AS facts`,
  );
  const { rows } = await client.query<{ now: Date; events: (Omit<RecordedEvent, 'recordedAt'> & { recordedAt: string })[]; remembered: unknown; facts: unknown }>(statement);
  const row = rows[0] as NonNullable<(typeof rows)[0]>;
  return {
    now: row.now,
    events: row.events.map((event) => ({ ...event, recordedAt: parseTimestamp(event.recordedAt) })),
    remembered: parseRememberedAnswer(row.remembered),
    facts: aggregate.parseFacts(row.facts),
  };
}

/**
 * Round trip 3: appends the commit's events (the UNIQUE (stream, version) constraint is the optimistic lock),
 * writes its projections and remembers the answer, as one statement. False when a concurrent request with the
 * same Idempotency-Key remembered its answer first.
 */
export async function writeCommit<State, Command extends { type: string }, Facts, View>(
  client: SqlClient,
  aggregate: AnyAggregate<State, Command, Facts, View>,
  commit: AggregateCommit<State>,
  view: View,
  idempotency: IdempotencyRequest | null,
  answer: { id: string; version: number },
): Promise<boolean> {
  const [first] = commit.events;
  if (!first) throw new Error('a commit without events has nothing to write');
  const statement = buildStatement(
    `${aggregate.decider.streamPrefix}.command.write`,
    (bind) => `WITH appended AS (
             INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
             SELECT event_id, ${bind(first.streamId)}::text, stream_version, event_type, schema_version, payload, ${bind(JSON.stringify(first.metadata))}::jsonb
             FROM unnest(${bind(commit.events.map((event) => event.eventId))}::uuid[], ${bind(commit.events.map((event) => event.streamVersion))}::int[],
                         ${bind(commit.events.map((event) => event.eventType))}::text[], ${bind(commit.events.map((event) => event.schemaVersion))}::int[],
                         ${bind(commit.events.map((event) => JSON.stringify(event.payload)))}::jsonb[])
               AS batch(event_id, stream_version, event_type, schema_version, payload)
             RETURNING stream_version
           ), ${rememberAnswerCte(bind, idempotency, answer)}, ${aggregate.projectionCtes(bind, commit, view)}
           SELECT (SELECT count(*) FROM remembered)::int AS remembered`,
  );
  try {
    const { rows } = await client.query<{ remembered: number }>(statement);
    return idempotency === null || rows[0]?.remembered === 1;
  } catch (error) {
    if (isStreamVersionViolation(error)) throw new StreamVersionConflictError(first.streamId, first.streamVersion - 1);
    throw error;
  }
}

/** Round trip 3 of a command that appends nothing (already done, or a repeated delivery): only the answer. */
export async function rememberAnswer(client: SqlClient, idempotency: IdempotencyRequest, answer: { id: string; version: number }): Promise<boolean> {
  const statement = buildStatement(
    'idempotency.remember',
    (bind) => `WITH ${rememberAnswerCte(bind, idempotency, answer)} SELECT count(*)::int AS remembered FROM remembered`,
  );
  const { rows } = await client.query<{ remembered: number }>(statement);
  return rows[0]?.remembered === 1;
}
