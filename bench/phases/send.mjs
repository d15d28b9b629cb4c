// A send-class command (load a stream of 22 events, decide, append, project inline): its knee over
// concurrency, then its latency at a fixed arrival rate. Each send needs a packed transfer of its own,
// so packed transfers are seeded by copying a real one (lib/clone.mjs).
import { managerHeaders, packedTransfer } from '../lib/api.mjs';
import { cloneTransfer } from '../lib/clone.mjs';
import { withClient } from '../lib/database.mjs';
import { runLoad } from '../load/run-load.mjs';
import { SETTINGS } from '../lib/settings.mjs';

async function seedPackedTransfers(system, catalogue) {
  const { id } = await packedTransfer(system, catalogue, 900);
  return withClient(system.databaseUrl, async (db) => {
    // Below the relay's checkpoint (see cloneTransfer): the relay has passed them already.
    const ids = await cloneTransfer(db, id, SETTINGS.sendTargets, { readModel: true, transactionId: '3' });
    await db.query('ANALYZE');
    return ids;
  });
}

/** The knee: the throughput of the lowest concurrency within 5% of the best throughput seen. */
function kneeOf(steps) {
  const best = Math.max(...steps.map((step) => step.perSecond));
  return steps.find((step) => step.perSecond >= 0.95 * best);
}

export async function sendCommand(system, catalogue) {
  const ids = await seedPackedTransfers(system, catalogue);
  let next = 0;
  const take = (count) => ids.slice(next, (next += count));
  const headers = managerHeaders(system);
  const steps = [];
  const share = Math.floor(ids.length / (SETTINGS.kneeConcurrency.length + 1));
  for (const concurrency of SETTINGS.kneeConcurrency) {
    const result = await runLoad({
      baseUrl: system.apiUrl, headers, scenario: 'send', concurrency, warmupSeconds: 1, seconds: SETTINGS.kneeSeconds, data: { ids: take(share) },
    });
    steps.push({ concurrency, perSecond: result.throughput, latencyMs: result.all, errors: result.errors.count, errorSamples: result.errors.samples, ranOutOfTransfers: result.exhausted });
  }
  const fixed = await runLoad({
    baseUrl: system.apiUrl, headers, scenario: 'send', rate: SETTINGS.fixedRate, maxSockets: 64,
    warmupSeconds: SETTINGS.warmupSeconds, seconds: SETTINGS.seconds, data: { ids: ids.slice(next) },
  });
  const knee = kneeOf(steps);
  return {
    seededTransfers: ids.length,
    steps,
    knee: { concurrency: knee.concurrency, perSecond: knee.perSecond, p95Ms: knee.latencyMs.p95 },
    fixedRate: { rate: SETTINGS.fixedRate, achieved: fixed.throughput, latencyMs: fixed.all, errors: fixed.errors.count, errorSamples: fixed.errors.samples, ranOutOfTransfers: fixed.exhausted },
  };
}
