// `npm run test:faults`: the fault suite against the real system (API, worker and Lightspeed
// sandbox as processes from dist/) on a PostgreSQL cluster and a Redis of its own. Prints each
// scenario's figures and invariants, then "N scenarios, N invariants held, N violated"; exits 1 on
// any violation. FAULTS=name,name runs a subset; counts are set by FAULT_* (see docs/reliability.md).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { migratedTemplate, type Infrastructure } from './fault-system.js';
import type { InvariantResult } from './invariants.js';
import { settings, seconds, type FaultScenario } from './scenario.js';
import { apiSigkill } from './scenarios/api-sigkill.js';
import { caseVariantIds } from './scenarios/case-variant-ids.js';
import { freightFaults } from './scenarios/freight-faults.js';
import { poisonRelay } from './scenarios/poison-relay.js';
import { postgresRestart } from './scenarios/postgres-restart.js';
import { txidBoundary } from './scenarios/txid-boundary.js';
import { redisOutage } from './scenarios/redis-outage.js';
import { lightspeedFaults } from './scenarios/lightspeed-faults.js';
import { webhookChaos } from './scenarios/webhook-chaos.js';
import { webhookFlood } from './scenarios/webhook-flood.js';
import { workerSigkill } from './scenarios/worker-sigkill.js';

const SCENARIOS: FaultScenario[] = [workerSigkill, apiSigkill, redisOutage, postgresRestart, lightspeedFaults, webhookChaos, webhookFlood, poisonRelay, txidBoundary, caseVariantIds, freightFaults];

function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

const selected = (process.env.FAULTS ?? '').split(',').filter(Boolean);
const scenarios = selected.length ? SCENARIOS.filter((scenario) => selected.includes(scenario.name)) : SCENARIOS;
if (scenarios.length === 0) throw new Error(`FAULTS names none of ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`);

const root = repositoryRoot();
const workdir = mkdtempSync(join(tmpdir(), 'consignments-faults-'));
const started = Date.now();
let postgres: PrivatePostgres | null = null;
let redis: PrivateRedis | null = null;
const results: { scenario: FaultScenario; ms: number; invariants: InvariantResult[] }[] = [];

const log = (line: string) => process.stdout.write(`${line}\n`);

async function cleanUp(): Promise<void> {
  await redis?.stop();
  await postgres?.destroy();
  rmSync(workdir, { recursive: true, force: true });
}

process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

try {
  postgres = await startPrivatePostgres();
  redis = await startPrivateRedis();
  const infra: Infrastructure = { postgres, redis, template: await migratedTemplate(postgres, root), workdir, root };
  const config = settings();
  log(`fault suite: PostgreSQL ${postgres.url}, Redis ${redis.url}; ${scenarios.length} scenario(s)`);
  for (const scenario of scenarios) {
    log(`\n▶ ${scenario.name}: ${scenario.title}`);
    const scenarioStarted = Date.now();
    let invariants: InvariantResult[];
    try {
      const outcome = await scenario.run({ infra, settings: config, log });
      for (const [name, value] of Object.entries(outcome.figures)) log(`    ${name}: ${value}`);
      invariants = outcome.invariants;
    } catch (error) {
      invariants = [{ name: 'the scenario ran to its end', held: false, detail: (error as Error).stack ?? String(error) }];
    }
    const ms = Date.now() - scenarioStarted;
    for (const invariant of invariants) log(`  ${invariant.held ? '✔' : '✘'} ${invariant.name}: ${invariant.detail}`);
    log(`  (${seconds(ms)})`);
    results.push({ scenario, ms, invariants });
  }
} finally {
  await cleanUp();
}

const all = results.flatMap((result) => result.invariants);
const violated = all.filter((invariant) => !invariant.held).length;
log(`\nscenario durations: ${results.map((result) => `${result.scenario.name} ${seconds(result.ms)}`).join(', ')}; total ${seconds(Date.now() - started)}`);
log(`${results.length} scenarios, ${all.length - violated} invariants held, ${violated} violated`);
process.exitCode = violated > 0 ? 1 : 0;
