import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SYNC_JOB_OPTIONS, syncRetryDelaysMs } from './sync-jobs.js';

// Bull's own backoff arithmetic, as the queue runs it (CommonJS, not part of its typed API).
const backoffs = createRequire(import.meta.url)('bull/lib/backoffs.js') as {
  calculate(backoff: unknown, attemptsMade: number, strategies: object): number;
};

function minutesAndSeconds(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

describe('the retry schedule of a sync job', () => {
  it('is the one Bull applies for SYNC_JOB_OPTIONS', () => {
    for (const attempts of [1, 2, 8, 12]) {
      const bull = Array.from({ length: attempts - 1 }, (_, index) => backoffs.calculate(SYNC_JOB_OPTIONS.backoff, index + 1, {}));
      expect(syncRetryDelaysMs(attempts)).toEqual(bull);
    }
  });

  it('is what the dead-letter runbook tells ops, waits and total', () => {
    const runbook = readFileSync(join(process.cwd(), 'docs/runbooks/dead-letters.md'), 'utf8').replace(/\s+/g, ' ');
    const delays = syncRetryDelaysMs();
    const waits = delays.map((ms) => ms / 1000);
    const listed = `${waits.slice(0, -1).join(', ')} and ${waits.at(-1)} s`;
    const total = delays.reduce((sum, ms) => sum + ms, 0);
    expect(runbook).toContain(`(default ${SYNC_JOB_OPTIONS.attempts})`);
    expect(runbook).toContain(`waits ${listed} between them: ${minutesAndSeconds(total)} of backoff`);
  });
});
