import { runLifecycles } from '../load.js';
import { onStage, repeatedly, seconds, type FaultScenario } from '../scenario.js';

/**
 * For a minute Lightspeed answers ~30% of calls with a 5xx (some after applying the call: the
 * answer is lost, not the change), 429 bursts with Retry-After, and dropped connections (the
 * caller sees a timeout), while transfers are sent and received.
 */
export const lightspeedFaults: FaultScenario = {
  name: 'lightspeed-faults',
  title: 'Lightspeed answering 30% 5xx, 429 bursts and timeouts for a minute',
  run: (context) =>
    onStage(context, 'lightspeed', {}, async ({ system, catalogue, crew, manager }) => {
      const { sandboxFaultMs } = context.settings;
      const durationMs = sandboxFaultMs;
      // 0.2 + 0.8 × 0.125 = 30% of calls: 500 before processing, 502 after it (applied, answer lost).
      await system.injectFault({ kind: 'status', status: 500, probability: 0.2, durationMs, phase: 'before' });
      await system.injectFault({ kind: 'status', status: 502, probability: 0.125, durationMs, phase: 'after' });
      const started = Date.now();
      const over = () => Date.now() - started > durationMs;
      // Paced (~5 transfers/s), so the sync keeps up and its calls meet the faults, not a backlog after them.
      const load = runLifecycles(crew, catalogue, 100_000, 2, { shouldStop: over, receiveEvery: 2, pauseMs: 300 });
      const bursts = repeatedly(1_000, 10_000, (index) => system.injectFault({ kind: 'status', status: 429, count: 5, retryAfterSeconds: 1 + (index % 3) }), over);
      const drops = repeatedly(1_000, 4_000, (index) => system.injectFault({ kind: 'drop', count: 2, phase: index % 2 ? 'after' : 'before' }), over);
      const [ids, burstCount, dropCount] = await Promise.all([load, bursts, drops]);
      await system.clearFaults();
      const stats = await system.store<{ total: number; byRoute: Record<string, number> }>('/admin/stats');
      const count = (pattern: RegExp) => Object.entries(stats.byRoute).filter(([key]) => pattern.test(key)).reduce((sum, [, n]) => sum + n, 0);
      return {
        figures: {
          transfers: ids.length,
          'fault window': seconds(durationMs),
          'Lightspeed calls in the window': stats.total,
          '5xx answers': count(/ 5\d\d$/),
          '429 answers': count(/ 429$/),
          'dropped connections': count(/ dropped$/),
          '429 bursts / drop injections': `${burstCount} / ${dropCount}`,
        },
      };
    }),
};
