// A load generator in a process of its own (forked by bench/load/run-load.mjs): receives a spec over
// IPC, drives the API over keep-alive HTTP/1.1, and answers with counts and latency percentiles.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { summarize } from '../lib/stats.mjs';
import { SCENARIOS } from './scenarios.mjs';

function httpClient(baseUrl, headers, maxSockets) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(baseUrl);
  return (method, path, body) =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = http.request(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString() }));
        },
      );
      request.on('error', (error) => resolve({ status: 0, text: error.message }));
      request.end(payload);
    });
}

/** Keeps what completes inside the measured window [from, until). */
function recorder(from, until) {
  const latencies = new Map();
  const errors = { count: 0, samples: [] };
  let stoppedAt = null;
  return {
    latencies,
    errors,
    open: () => performance.now() < (stoppedAt ?? until),
    /** The work ran out (no more targets): the window ends now. */
    stop: () => (stoppedAt ??= performance.now()),
    record(op, startedAt, status, text) {
      const endedAt = performance.now();
      if (startedAt < from || endedAt > (stoppedAt ?? until)) return;
      if (status < 200 || status >= 300) {
        errors.count += 1;
        if (errors.samples.length < 5) errors.samples.push(`${op} ${status}: ${text.slice(0, 200)}`);
        return;
      }
      if (!latencies.has(op)) latencies.set(op, []);
      latencies.get(op).push(endedAt - startedAt);
    },
    windowSeconds: () => (Math.min(stoppedAt ?? until, until) - from) / 1000,
  };
}

async function closedLoop(concurrency, iterate, rec) {
  await Promise.all(Array.from({ length: concurrency }, async (_, vu) => {
    while (rec.open()) if ((await iterate(vu)) === false) return;
  }));
  rec.stop();
}

/** Starts requests at a fixed rate whatever the answers; latency counts from the intended start. */
async function openLoop(rate, once, exhausted, rec) {
  const started = performance.now();
  const inFlight = new Set();
  let sent = 0;
  while (rec.open() && !exhausted()) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due && rec.open(); sent++) {
      const promise = once(started + (sent * 1000) / rate).finally(() => inFlight.delete(promise));
      inFlight.add(promise);
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  rec.stop();
}

process.once('message', async (spec) => {
  const call = httpClient(spec.baseUrl, spec.headers, spec.maxSockets ?? spec.concurrency ?? 64);
  const from = performance.now() + spec.warmupSeconds * 1000;
  const rec = recorder(from, from + spec.seconds * 1000);
  const scenario = SCENARIOS[spec.scenario](call, rec, spec.data);
  if (spec.rate) await openLoop(spec.rate, scenario.once, () => scenario.exhausted?.() ?? false, rec);
  else await closedLoop(spec.concurrency, scenario.iterate, rec);
  const ops = Object.fromEntries([...rec.latencies].map(([op, samples]) => [op, summarize(samples)]));
  const all = summarize([...rec.latencies.values()].flat());
  const seconds = rec.windowSeconds();
  process.send({ ops, all, count: all.count, seconds, throughput: seconds > 0 ? Math.round(all.count / seconds) : 0, errors: rec.errors, exhausted: scenario.exhausted?.() ?? false }, () =>
    process.exit(0),
  );
});
