import { boxTypeDecider, type BoxTypeState } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import { foldRecorded } from '../event-store/fold-recorded.js';
import { readStreamsByPrefix } from '../event-store/read-streams.js';
import { upsertBoxTypeRows } from './box-type-read-model.js';
import { boxTypeRow, type BoxTypeReadModelRow } from './box-type-row.js';

/**
 * Replays every box-type stream into box_type_read_model, which the caller has emptied (and locked)
 * in the same transaction: one state at a time, rows written `batchSize` at a time. The database
 * admits only `box-type-<lower-case UUID>` streams, so every stream is a box type's.
 */
export async function rebuildBoxTypeRows(client: SqlClient, batchSize: number): Promise<{ events: number; boxTypes: number }> {
  let events = 0;
  let boxTypes = 0;
  let rows: BoxTypeReadModelRow[] = [];
  let streamId: string | null = null;
  let state: BoxTypeState | null = null;
  const endStream = () => {
    if (state) rows.push(boxTypeRow(state));
    state = null;
  };
  const write = async () => {
    boxTypes += (await upsertBoxTypeRows(client, rows)).length;
    rows = [];
  };
  const prefix = `${boxTypeDecider.streamPrefix}-`;
  for await (const batch of readStreamsByPrefix(client, prefix, batchSize)) {
    events += batch.length;
    for (const event of batch) {
      if (event.streamId !== streamId) endStream();
      streamId = event.streamId;
      state = foldRecorded(boxTypeDecider, state, [event]);
    }
    if (rows.length >= batchSize) await write();
  }
  endStream();
  await write();
  return { events, boxTypes };
}
