// The command path, side by side in one run: a lean floor and the heavy (send) floor straight through
// `pg`; two send-class commands on 2-line transfers through the HTTP API, closed loop and open loop;
// PostgreSQL round trips per command (through a counting proxy); and the production files each
// command's code reaches. Only the HTTP API and SQL are used: the commands' code may change under it.
import { callApi, managerHeaders, packedTransfer } from '../lib/api.mjs';
import { SETTINGS } from '../lib/settings.mjs';
import { runLoad } from '../load/run-load.mjs';
import { commandFiles } from '../command-files.mjs';
import { leanFloor } from './command-path/lean-floor.mjs';
import { roundTripsPerCommand } from './command-path/round-trips.mjs';
import { seedTwoLineTransfers } from './command-path/seeds.mjs';
import { floor } from './floor.mjs';

const COMMANDS = [
  ['packed', 'PUT', { packedQuantity: 5 }, 'packedPaths'],
  ['send', 'POST', {}, 'sendPaths'],
];

const latency = (result) => ({ count: result.all.count, p50: result.all.p50, p95: result.all.p95, p99: result.all.p99, max: result.all.max });
const ratio = (value, floor) => (floor > 0 ? Math.round((value / floor) * 100) / 100 : null);

async function loads(system, leanPerSecond, op, method, body, paths) {
  const common = { baseUrl: system.apiUrl, headers: managerHeaders(system), scenario: 'commands', warmupSeconds: SETTINGS.warmupSeconds, seconds: SETTINGS.seconds };
  // The open loop's share: its rate over its whole run, with a tenth to spare.
  const openShare = Math.ceil(SETTINGS.commandRate * (SETTINGS.warmupSeconds + SETTINGS.seconds) * 1.1);
  const closed = await runLoad({ ...common, concurrency: SETTINGS.commandConcurrency, data: { op, method, body, paths: paths.slice(openShare) } });
  const open = await runLoad({ ...common, rate: SETTINGS.commandRate, maxSockets: 64, data: { op, method, body, paths: paths.slice(0, openShare) } });
  return {
    closedLoop: {
      concurrency: SETTINGS.commandConcurrency,
      perSecond: closed.throughput,
      ofLeanFloor: ratio(closed.throughput, leanPerSecond),
      latencyMs: latency(closed),
      errors: closed.errors.count,
      errorSamples: closed.errors.samples,
      ranOutOfTransfers: closed.exhausted,
    },
    openLoop: { rate: SETTINGS.commandRate, achieved: open.throughput, latencyMs: latency(open), errors: open.errors.count, errorSamples: open.errors.samples, ranOutOfTransfers: open.exhausted },
  };
}

export async function commandPath(system, catalogue) {
  const connections = SETTINGS.commandConcurrency;
  const seeds = await seedTwoLineTransfers(system, catalogue, SETTINGS.commandTargets);
  const lean = await leanFloor(system.databaseUrl, seeds.packingTemplateId, connections);
  // The heavy floor copies the rows of a sent 20-line transfer.
  const { id } = await packedTransfer(system, catalogue, 990);
  await callApi(system, 'POST', `/transfers/${id}/send`, {});
  const heavy = await floor(system, catalogue, { connections });
  const commands = {};
  for (const [op, method, body, paths] of COMMANDS) commands[op] = await loads(system, lean.commandsPerSecond, op, method, body, seeds[paths]);
  return {
    leanFloor: lean,
    heavyFloor: heavy,
    seededTransfersPerCommand: SETTINGS.commandTargets,
    ...commands,
    roundTrips: await roundTripsPerCommand(system, catalogue, SETTINGS.roundTripLives),
    files: commandFiles().files,
    filesWithEveryCommandFolder: commandFiles().reached,
  };
}
