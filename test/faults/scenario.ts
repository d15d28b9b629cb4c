import { CommandClient } from './command-client.js';
import { FaultSystem, type FaultSystemOptions, type Infrastructure } from './fault-system.js';
import { checkInvariants, type InvariantResult } from './invariants.js';
import { loadCatalogue, type Catalogue, type Crew } from './load.js';

/** Counts and the settle deadline, each overridable by an environment variable (see docs/reliability.md). */
export function settings() {
  const int = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
    return value;
  };
  return {
    workerTransfers: int('FAULT_WORKER_TRANSFERS', 500),
    workerKills: int('FAULT_WORKER_KILLS', 10),
    apiTransfers: int('FAULT_API_TRANSFERS', 1_000),
    apiKills: int('FAULT_API_KILLS', 5),
    redisDownMs: int('FAULT_REDIS_DOWN_MS', 30_000),
    sandboxFaultMs: int('FAULT_SANDBOX_MS', 60_000),
    webhookTransfers: int('FAULT_WEBHOOK_TRANSFERS', 60),
    txidTransfers: int('FAULT_TXID_TRANSFERS', 300),
    caseVariantTransfers: int('FAULT_CASE_VARIANT_TRANSFERS', 200),
    floodTransfers: int('FAULT_FLOOD_TRANSFERS', 60),
    poisonTransfers: int('FAULT_POISON_TRANSFERS', 200),
    freightTransfers: int('FAULT_FREIGHT_TRANSFERS', 12),
    floodProducts: int('FAULT_FLOOD_PRODUCTS', 250),
    floodChangesPerProduct: int('FAULT_FLOOD_CHANGES_PER_PRODUCT', 8),
    floodBudget: int('FAULT_FLOOD_BUDGET', 1_500),
    concurrency: int('FAULT_CONCURRENCY', 16),
    settleMs: int('FAULT_SETTLE_MS', 240_000),
  };
}

export type Settings = ReturnType<typeof settings>;

export interface ScenarioContext {
  infra: Infrastructure;
  settings: Settings;
  log(line: string): void;
}

export interface ScenarioOutcome {
  figures: Record<string, string | number>;
  invariants: InvariantResult[];
}

export interface FaultScenario {
  name: string;
  title: string;
  run(context: ScenarioContext): Promise<ScenarioOutcome>;
}

/** A scenario's running system: services, a crew issuing commands (its manager and approver), an admin reading ops views. */
export interface Stage {
  system: FaultSystem;
  catalogue: Catalogue;
  crew: Crew;
  manager: CommandClient;
  admin: CommandClient;
}

/** Opens a system, runs the fault and its load, checks the invariants (plus the scenario's own) and closes it. */
export async function onStage(
  context: ScenarioContext,
  name: string,
  options: FaultSystemOptions,
  work: (stage: Stage) => Promise<{
    figures: Record<string, string | number>;
    remoteStatus?: Map<string, string>;
    extra?: () => Promise<InvariantResult[]>;
    /** A longer settle deadline than the suite's, for a scenario whose queues may rightly wait that long. */
    settleMs?: number;
  }>,
): Promise<ScenarioOutcome> {
  const system = await FaultSystem.open(context.infra, name, options);
  try {
    const crew: Crew = {
      manager: new CommandClient(system.apiUrl, system.auth('fault-manager', ['manager'])),
      approver: new CommandClient(system.apiUrl, system.auth('fault-approver', ['manager'])),
    };
    const stage: Stage = {
      system,
      catalogue: await loadCatalogue(system),
      crew,
      manager: crew.manager,
      admin: new CommandClient(system.apiUrl, system.auth('fault-admin', ['admin'])),
    };
    const { figures, remoteStatus, extra, settleMs } = await work(stage);
    const clients = [crew.manager, crew.approver];
    const invariants = await checkInvariants(system, clients, stage.admin, { settleMs: Math.max(context.settings.settleMs, settleMs ?? 0), remoteStatus });
    if (extra) invariants.push(...(await extra()));
    const crashed = system.services.filter((service) => !service.running).map((service) => service.name);
    invariants.push({
      name: 'no service process died of the fault (only the suite kills them)',
      held: crashed.length === 0,
      detail: crashed.length === 0 ? `${system.services.map((service) => service.name).join(', ')} still running` : `${crashed.join(', ')} exited`,
    });
    const outcome = { figures: { ...figures, ...(await transfersByKind(system)), commands: clients.reduce((sum, client) => sum + client.records.length, 0), ...prefixed(clients) }, invariants };
    if (invariants.some((invariant) => !invariant.held)) context.log(system.logTail());
    return outcome;
  } finally {
    await system.close();
  }
}

function prefixed(clients: CommandClient[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const client of clients) for (const [key, value] of Object.entries(client.summary())) totals[`commands ${key}`] = (totals[`commands ${key}`] ?? 0) + value;
  return totals;
}

/** How many transfers of each type the load made, and in which statuses they ended. */
async function transfersByKind(system: FaultSystem): Promise<Record<string, string>> {
  const rows = await system.query<{ type: string; statuses: string }>(
    `SELECT type, string_agg(status || ' ' || n, ', ' ORDER BY status) AS statuses
     FROM (SELECT type, status, count(*)::int AS n FROM transfer_read_model GROUP BY 1, 2) counted GROUP BY type ORDER BY type`,
  );
  return Object.fromEntries(rows.map((row) => [`transfers ${row.type}`, row.statuses]));
}

/** Repeats `action` every `everyMs` (with ±30% jitter) until `times` runs or `stop()` says so. */
export async function repeatedly(times: number, everyMs: number, action: (index: number) => Promise<void>, stop: () => boolean = () => false): Promise<number> {
  let done = 0;
  while (done < times && !stop()) {
    await new Promise((resolve) => setTimeout(resolve, everyMs * (0.7 + Math.random() * 0.6)));
    if (stop()) break;
    await action(done);
    done++;
  }
  return done;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
