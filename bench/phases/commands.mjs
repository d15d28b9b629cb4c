// The command mix: virtual users each run an outlet transfer's life (create with 20 lines, 20 packed
// quantities, pack, send, receive with a variance) in a loop, at each concurrency.
import { managerHeaders } from '../lib/api.mjs';
import { runLoad } from '../load/run-load.mjs';
import { SETTINGS } from '../lib/settings.mjs';

export async function commandMix(system, catalogue) {
  const steps = [];
  for (const concurrency of SETTINGS.mixConcurrency) {
    const result = await runLoad({
      baseUrl: system.apiUrl,
      headers: managerHeaders(system),
      scenario: 'mix',
      concurrency,
      warmupSeconds: SETTINGS.warmupSeconds,
      seconds: SETTINGS.seconds,
      data: catalogue,
    });
    steps.push({ concurrency, commandsPerSecond: result.throughput, latencyMs: result.all, byCommand: result.ops, errors: result.errors.count, errorSamples: result.errors.samples });
  }
  return { steps, memory: system.memory() };
}
