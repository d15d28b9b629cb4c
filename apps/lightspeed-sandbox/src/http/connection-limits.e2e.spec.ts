import { afterEach, describe, expect, it } from '@jest/globals';
import { parseAnswer, RawConnection } from '../../../../test/support/raw-connection.js';
import { startSandbox, type Sandbox } from '../sandbox.js';

describe('the sandbox closes slow and surplus connections', () => {
  let sandbox: Sandbox | undefined;
  const open: RawConnection[] = [];
  const connection = () => {
    const made = new RawConnection(Number(new URL(sandbox!.url).port));
    open.push(made);
    return made;
  };
  afterEach(async () => {
    for (const made of open.splice(0)) made.destroy();
    await sandbox?.close();
  });

  it('cuts off a trickled body with a 408', async () => {
    sandbox = await startSandbox({ http: { headersTimeoutMs: 1000, requestTimeoutMs: 2000 } });
    const trickler = connection();
    trickler.write('POST /api/1.0/token HTTP/1.1\r\nHost: store\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\n');
    // The body drips, then stalls unfinished: bounded, so no byte lands after the sandbox has closed.
    trickler.trickle('grant_type=refresh_token&', 20, 10);
    expect(parseAnswer(await trickler.closed).status).toBe(408);
  });

  // Default timeouts here: a request must not be cut off because a loaded machine paused this process.
  it('refuses connections above its cap while answering the ones it holds', async () => {
    sandbox = await startSandbox({ http: { maxConnections: 2 } });
    const held = [connection(), connection()];
    for (const client of held) client.write('GET /admin/stats HTTP/1.1\r\nHost: store\r\n\r\n');
    for (const client of held) expect(parseAnswer(await client.waitFor(/\r\n\r\n/)).status).toBe(200);
    const surplus = connection();
    surplus.write('GET /admin/stats HTTP/1.1\r\nHost: store\r\n\r\n');
    expect(await surplus.closed).toBe('');
  });
});
