// Reads: a transfer's detail, a filtered list page, and the event history of a transfer with 1,000 events.
import { callApi, managerHeaders, outletTransfer } from '../lib/api.mjs';
import { withClient } from '../lib/database.mjs';
import { runLoad } from '../load/run-load.mjs';
import { SETTINGS } from '../lib/settings.mjs';

/**
 * A transfer whose stream has `events` events: created and one packed quantity recorded through the
 * API, then that ItemPacked event copied by SQL up to the length wanted (1,000 commands through the
 * API would take a while, and would make the API's peak RSS about that set-up, not the read load).
 */
async function longTransfer(system, catalogue, events) {
  const { lines, body } = outletTransfer(catalogue, 500);
  const { id } = await callApi(system, 'POST', '/transfers', body);
  await callApi(system, 'PUT', `/transfers/${id}/items/${lines[0].id}/packed`, { packedQuantity: 1 });
  await withClient(system.databaseUrl, (db) =>
    db.query(
      `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
       SELECT gen_random_uuid(), e.stream_id, v, e.event_type, e.schema_version, e.payload, e.metadata
         FROM events e, generate_series(3, $2::int) AS v WHERE e.stream_id = $1 AND e.stream_version = 2 ORDER BY v`,
      [`transfer-${id}`, events],
    ),
  );
  return id;
}

export async function reads(system, catalogue) {
  const ids = await withClient(system.databaseUrl, async (db) =>
    (await db.query("SELECT id FROM transfer_read_model WHERE type = 'OUTLET_TRANSFER' ORDER BY updated_at DESC LIMIT 1000")).rows.map((row) => row.id),
  );
  if (ids.length === 0) throw new Error('reads need transfers: run the commands phase first');
  const [outlet] = catalogue.outlets;
  const history = await longTransfer(system, catalogue, SETTINGS.historyEvents);
  const apiMemoryAfterSetup = system.memory().api;
  const kinds = {
    detail: ids.map((id) => `/api/v1/transfers/${id}`),
    list: ['RECEIVED', 'SENT', 'OPEN,PACKING'].map((status) => `/api/v1/transfers?status=${status}&outletId=${encodeURIComponent(outlet)}&type=OUTLET_TRANSFER&limit=50`),
    history: [`/api/v1/transfers/${history}/events`],
  };
  const results = {};
  for (const [op, paths] of Object.entries(kinds)) {
    const result = await runLoad({
      baseUrl: system.apiUrl,
      headers: managerHeaders(system),
      scenario: 'reads',
      concurrency: SETTINGS.readConcurrency,
      warmupSeconds: SETTINGS.warmupSeconds,
      seconds: SETTINGS.seconds,
      data: { op, paths },
    });
    results[op] = { perSecond: result.throughput, latencyMs: result.all, errors: result.errors.count, errorSamples: result.errors.samples, apiMemoryAfter: system.memory().api };
  }
  return { concurrency: SETTINGS.readConcurrency, historyEvents: SETTINGS.historyEvents, apiMemoryAfterSetup, ...results };
}
