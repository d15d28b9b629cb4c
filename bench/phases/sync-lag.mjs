// Sync lag: from a send's commit (its 2xx) to the sandbox holding the consignment as SENT with every
// line, while the sandbox adds latency to each call. Sends are spaced so the worker stays inside the
// Lightspeed rate budget (LIGHTSPEED_RATE_LIMIT per 5 minutes) and nothing queues behind a backlog.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { callApi, packedTransfer } from '../lib/api.mjs';
import { withClient } from '../lib/database.mjs';
import { SETTINGS } from '../lib/settings.mjs';
import { summarize } from '../lib/stats.mjs';

const TIMEOUT_MS = 60_000;

async function sandboxAdmin(system, method, path, body) {
  const response = await fetch(`${system.sandboxUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status}`);
  return response.status === 204 ? null : response.json();
}

/** Polls (every 5 ms) until the sandbox shows the transfer's consignment SENT with all its lines. */
async function mirroredAt(system, db, transferId, lineCount) {
  const deadline = performance.now() + TIMEOUT_MS;
  let consignmentId = null;
  while (performance.now() < deadline) {
    if (consignmentId === null) {
      const { rows } = await db.query('SELECT consignment_id FROM transfer_sync_state WHERE transfer_id = $1', [transferId]);
      consignmentId = rows[0]?.consignment_id ?? null;
    }
    if (consignmentId !== null) {
      const { data } = await sandboxAdmin(system, 'GET', `/admin/consignments/${consignmentId}`);
      const lines = data.products.filter((line) => line.deleted_at == null);
      if (data.status === 'SENT' && lines.length === lineCount) return performance.now();
    }
    await sleep(5);
  }
  throw new Error(`transfer ${transferId} not mirrored in the sandbox within ${TIMEOUT_MS / 1000} s`);
}

export async function syncLag(system, catalogue) {
  await sandboxAdmin(system, 'POST', '/admin/faults', { kind: 'latency', ms: SETTINGS.syncLatencyMs });
  const callsBefore = (await sandboxAdmin(system, 'GET', '/admin/stats')).total;
  const started = performance.now();
  const lags = [];
  try {
    await withClient(system.databaseUrl, async (db) => {
      // One unmeasured sample first: the worker's first job also fetches a token and warms up.
      for (let sample = 0; sample <= SETTINGS.syncSamples; sample++) {
        const { id, lines } = await packedTransfer(system, catalogue, sample * 20);
        await callApi(system, 'POST', `/transfers/${id}/send`, {});
        const committed = performance.now();
        const lag = (await mirroredAt(system, db, id, lines.length)) - committed;
        if (sample > 0) lags.push(lag);
      }
    });
  } finally {
    await sandboxAdmin(system, 'DELETE', '/admin/faults');
  }
  return {
    samples: lags.length,
    sandboxLatencyMs: SETTINGS.syncLatencyMs,
    lagMs: summarize(lags),
    /** Every call the sandbox answered during the phase (the worker's and the poller's). */
    sandboxCalls: (await sandboxAdmin(system, 'GET', '/admin/stats')).total - callsBefore,
    phaseSeconds: Math.round((performance.now() - started) / 1000),
    rateBudgetPer5Minutes: Number(system.env.LIGHTSPEED_RATE_LIMIT),
  };
}
