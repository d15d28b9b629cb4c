import 'reflect-metadata';
import { openDatabase, rebuildProjections } from '#persistence';
import { isMain } from './is-main.js';
import { loadEnvironment } from './load-environment.js';

/** `npm run projections:rebuild`: replays every event into fresh read models, the audit trail and the box-type catalogue. */
export async function rebuildCommand(databaseUrl: string): Promise<string> {
  const { database, close } = await openDatabase(databaseUrl);
  try {
    const report = await rebuildProjections(database);
    const rate = report.seconds > 0 ? Math.round(report.events / report.seconds) : report.events;
    const skipped = report.skippedStreams.length
      ? `; skipped ${report.skippedStreams.length} stream(s) whose id is not a canonical transfer id: ${report.skippedStreams.join(', ')}`
      : '';
    return `projections:rebuild: ${report.events} events → ${report.transfers} transfers, ${report.auditRows} audit entries, ${report.boxTypes} box types, ${report.measuredProducts} measured products, ${report.shippingAddresses} shipping addresses in ${report.seconds.toFixed(2)} s (${rate} events/s)${skipped}`;
  } finally {
    await close();
  }
}

if (isMain(import.meta.url)) {
  try {
    console.log(await rebuildCommand(loadEnvironment().DATABASE_URL));
  } catch (error) {
    console.error(`projections:rebuild failed, nothing was changed: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  }
}
