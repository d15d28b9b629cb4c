import { afterEach, describe, expect, it } from '@jest/globals';
import { ConfigService } from '@nestjs/config';
import { validate, type EnvironmentVariables } from '#config';
import { parseAnswer, RawConnection } from '../../../../test/support/raw-connection.js';
import { testEnvironment } from '../../../../test/support/test-environment.js';
import { WorkerMetricsServer } from './worker-metrics.server.js';

const SCRAPE = 'GET /metrics HTTP/1.1\r\nHost: worker\r\n\r\n';

describe("the worker's metrics server keeps the HTTP limits of the configuration", () => {
  let metrics: WorkerMetricsServer | undefined;
  const open: RawConnection[] = [];
  const connection = () => {
    const made = new RawConnection(metrics!.port!);
    open.push(made);
    return made;
  };
  afterEach(async () => {
    for (const made of open.splice(0)) made.destroy();
    await metrics?.onApplicationShutdown();
  });

  async function serve(limits: Record<string, string>): Promise<WorkerMetricsServer> {
    const env = testEnvironment('postgres://unused@127.0.0.1/unused', { HOST: '127.0.0.1', ...limits });
    metrics = new WorkerMetricsServer(new ConfigService<EnvironmentVariables, true>(validate(env) as unknown as Record<string, unknown>));
    await metrics.onApplicationBootstrap();
    return metrics;
  }

  it('closes a client whose headers never finish with a 408', async () => {
    await serve({ HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' });
    const stalled = connection();
    stalled.write('GET /metrics HTTP/1.1\r\nHost: worker\r\n');
    // A slow drip that stops short of the end of the headers, well before the server gives up.
    stalled.trickle('X-Slow: yes\r\n', 20, 10);
    expect(parseAnswer(await stalled.closed).status).toBe(408);
  });

  // Timeouts stay generous here: a scrape must not be cut off because a loaded machine paused this process.
  it('answers scrapes on the connections it holds and refuses connections above the cap', async () => {
    await serve({ HTTP_MAX_CONNECTIONS: '2' });
    const scrapers = [connection(), connection()];
    for (const scraper of scrapers) scraper.write(SCRAPE);
    for (const scraper of scrapers) expect(parseAnswer(await scraper.waitFor(/\r\n\r\n/)).status).toBe(200);
    const surplus = connection();
    surplus.write(SCRAPE);
    expect(await surplus.closed).toBe('');
  });
});
