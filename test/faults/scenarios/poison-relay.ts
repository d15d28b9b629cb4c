import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSystem } from '../fault-system.js';
import type { InvariantResult } from '../invariants.js';
import { runLifecycles } from '../load.js';
import { onStage, seconds, type FaultScenario } from '../scenario.js';
import { withConnection } from '../../support/private-postgres.js';

const sample = (items: string[]) => items.slice(0, 5).join('; ') + (items.length > 5 ? ` … (${items.length})` : '');

/** The database's rule for transfer stream ids (migration …008), re-added NOT VALID as an old store has it. */
const CANONICAL_RULE =
  "CHECK (stream_id !~~ 'transfer-%' OR stream_id ~ '^transfer-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') NOT VALID";

/**
 * Writes, in one transaction, a copy of a transfer's events under the upper-case spelling of its
 * id, as a store from before canonical ids holds them (with the stream-id rule not yet valid):
 * events the relay can never turn into a sync job. The copies carry no Idempotency-Key (no
 * command of this run wrote them). Returns the poison stream and its events' positions.
 */
async function writePoisonTwin(system: FaultSystem, transferId: string): Promise<{ stream: string; positions: number[] }> {
  const stream = `transfer-${transferId.toUpperCase()}`;
  const positions = await withConnection(system.databaseUrl, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query('ALTER TABLE events DROP CONSTRAINT events_transfer_stream_canonical');
      const { rows } = await client.query<{ global_position: string }>(
        `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
         SELECT gen_random_uuid(), $2, stream_version, event_type, schema_version, payload, metadata || '{"idempotencyKey": null}'
         FROM events WHERE stream_id = $1 ORDER BY stream_version RETURNING global_position`,
        [`transfer-${transferId}`, stream],
      );
      await client.query(`ALTER TABLE events ADD CONSTRAINT events_transfer_stream_canonical ${CANONICAL_RULE}`);
      await client.query('COMMIT');
      return rows.map((row) => Number(row.global_position));
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
  return { stream, positions };
}

/** The relay's own view: /health/sync, and its checkpoint against the newest event. */
async function relayState(system: FaultSystem) {
  const response = await fetch(`${system.apiUrl}/health/sync`, { signal: AbortSignal.timeout(10_000) });
  const body = JSON.stringify(await response.json());
  const details = /"setAsideEvents":(\d+)/.exec(body);
  const [row] = await system.query<{ behind: number; failures: number | null }>(
    `SELECT (SELECT count(*)::int FROM events e WHERE (e.transaction_id, e.global_position) > (c.transaction_id, c.position)) AS behind, c.failures
     FROM relay_checkpoints c WHERE c.name = 'lightspeed-sync'`,
  );
  return { httpStatus: response.status, setAsideReported: details ? Number(details[1]) : null, behind: row?.behind ?? null, failures: row?.failures ?? null };
}

/**
 * A poison batch for the relay: while transfers of every type flow, some of them get a twin
 * stream under another spelling of their id (as a store from before canonical ids holds), whose
 * events can never be synced. Every other transfer must be mirrored; the poison events must be
 * set aside and reported (`relay_set_aside`, `setAsideEvents` on /health/sync), not lost
 * silently; and the relay must end neither stalled nor behind.
 */
export const poisonRelay: FaultScenario = {
  name: 'poison-relay',
  title: 'poison events in the relay batches (twin streams of an old store) while transfers flow',
  run: (context) =>
    onStage(context, 'poison', {}, async ({ system, catalogue, crew, manager }) => {
      const { poisonTransfers, poisonTwins, concurrency } = context.settings;
      const started = Date.now();
      let loading = true;
      const load = runLifecycles(crew, catalogue, poisonTransfers, concurrency, { receiveEvery: 2 }).finally(() => (loading = false));
      const poisoned: { transferId: string; kind: string; stream: string; positions: number[] }[] = [];
      // Spread over the load: every so often, the newest transfer whose creation was acknowledged gets its twin.
      while (poisoned.length < poisonTwins && loading) {
        await sleep(300);
        const created = manager.records.filter((record) => record.action === 'POST /transfers' && record.status === 201);
        const target = created.at(-1);
        if (!target || poisoned.some((twin) => twin.transferId === target.transferId)) continue;
        const [row] = await system.query<{ type: string }>('SELECT type FROM transfer_read_model WHERE id = $1', [target.transferId]);
        poisoned.push({ transferId: target.transferId, kind: row?.type ?? '?', ...(await writePoisonTwin(system, target.transferId)) });
      }
      const ids = await load;
      const extra = async (): Promise<InvariantResult[]> => {
        const recorded = await system.query<{ global_position: string; stream_id: string }>(
          `SELECT global_position, stream_id FROM relay_set_aside WHERE name = 'lightspeed-sync'`,
        );
        const setAside = new Set(recorded.map((row) => Number(row.global_position)));
        const poisonEvents = poisoned.flatMap((twin) => twin.positions);
        const missing = poisoned.flatMap((twin) => twin.positions.filter((position) => !setAside.has(position)).map((position) => `${twin.stream} event ${position} not set aside`));
        const stray = recorded.filter((row) => !poisonEvents.includes(Number(row.global_position))).map((row) => `${row.stream_id} event ${row.global_position} set aside but not poison`);
        const relay = await relayState(system);
        const unreported = relay.setAsideReported !== recorded.length ? [`/health/sync reports ${relay.setAsideReported} set-aside events, the table holds ${recorded.length}`] : [];
        const problems = [...missing, ...stray, ...unreported];
        return [
          {
            name: 'every poison event is set aside and reported, none other',
            held: problems.length === 0 && poisonEvents.length > 0,
            detail:
              problems.length === 0
                ? `${poisonEvents.length} events of ${poisoned.length} poison streams set aside, ${relay.setAsideReported} reported on /health/sync`
                : sample(problems),
          },
          {
            name: 'the relay ends neither stalled nor behind',
            held: relay.httpStatus === 200 && relay.behind === 0 && (relay.failures ?? 0) === 0,
            detail: `/health/sync ${relay.httpStatus}; ${relay.behind} events after the checkpoint; ${relay.failures ?? 0} failed batches in a row`,
          },
        ];
      };
      return {
        extra,
        figures: {
          transfers: ids.length,
          'poison streams': `${poisoned.length} (${poisoned.map((twin) => twin.kind).join(', ')})`,
          'poison events': poisoned.reduce((sum, twin) => sum + twin.positions.length, 0),
          'load time': seconds(Date.now() - started),
        },
      };
    }),
};

