// Round trips to PostgreSQL per command: an API process of its own talks to the system's database
// through the counting proxy (lib/pg-proxy.mjs) and drives 2-line transfers through their life one
// command at a time, so the proxy's count between two answers is that command's.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { callApi, outletTransfer } from '../../lib/api.mjs';
import { startPgProxy } from '../../lib/pg-proxy.mjs';
import { startExtraApi } from '../../lib/system.mjs';

/** Lives run first and not counted: they open the pool's connections and warm its caches. */
const WARMUP_LIVES = 3;

/** The count once nothing more arrives for 20 ms (work the API does after answering still counts). */
async function settledCount(proxy) {
  for (let last = proxy.roundTrips(); ; ) {
    await sleep(20);
    const now = proxy.roundTrips();
    if (now === last) return now;
    last = now;
  }
}

const summary = (counts) => ({
  mean: Math.round((counts.reduce((sum, count) => sum + count, 0) / counts.length) * 100) / 100,
  min: Math.min(...counts),
  max: Math.max(...counts),
  commands: counts.length,
});

/** { create, packed, pack, send, receive }: round trips per command over `lives` transfers. */
export async function roundTripsPerCommand(system, catalogue, lives) {
  const proxy = await startPgProxy(system.databaseUrl);
  try {
    const api = await startExtraApi(system, proxy.url);
    try {
      const proxied = { ...system, apiUrl: api.apiUrl };
      const counts = { create: [], packed: [], pack: [], send: [], receive: [] };
      const measured = async (command, method, path, body) => {
        const before = await settledCount(proxy);
        const answer = await callApi(proxied, method, path, body);
        counts[command].push((await settledCount(proxy)) - before);
        return answer;
      };
      for (let life = 0; life < WARMUP_LIVES + lives; life++) {
        if (life === WARMUP_LIVES) for (const list of Object.values(counts)) list.length = 0;
        const { lines, body } = outletTransfer(catalogue, 970 + 2 * life, 2);
        const { id } = await measured('create', 'POST', '/transfers', body);
        for (const product of lines) await measured('packed', 'PUT', `/transfers/${id}/items/${product.id}/packed`, { packedQuantity: 5 });
        await measured('pack', 'POST', `/transfers/${id}/pack`, {});
        await measured('send', 'POST', `/transfers/${id}/send`, {});
        const received = lines.map((product) => ({ productId: product.id, receivedQuantity: 5 }));
        await measured('receive', 'POST', `/transfers/${id}/receive`, { receiptId: randomUUID(), final: true, lines: received });
      }
      return Object.fromEntries(Object.entries(counts).map(([command, list]) => [command, summary(list)]));
    } finally {
      await api.stop();
    }
  } finally {
    await proxy.close();
  }
}
