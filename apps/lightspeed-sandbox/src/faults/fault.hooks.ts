import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TOO_MANY_REQUESTS } from '../rate-limit/rate-limit.hook.js';
import { httpDate } from '../shared/timestamps.js';
import type { CallStats } from '../stats/call-stats.js';
import type { FaultAction, FaultInjector } from './fault-injector.js';

const BODIES: Record<number, object> = {
  429: TOO_MANY_REQUESTS,
  500: { error: 'Internal Server Error' },
  502: { error: 'Bad Gateway' },
  503: { error: 'Service Unavailable' },
};

function retryAfter(action: Extract<FaultAction, { kind: 'status' }>, now: () => number): string {
  return httpDate(now() + action.retryAfterSeconds * 1000);
}

/** Latency, drops and injected statuses before the call is processed. */
export function faultsBeforeHook(faults: FaultInjector, stats: CallStats, now: () => number) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    // Chosen on arrival, before the delay: a call still waiting out its latency must not take a
    // fault injected after it arrived (a counted fault meant for the next call).
    const action = faults.take('before', callOf(request));
    const latency = faults.latencyMs();
    if (latency > 0) await sleep(latency);
    if (action?.kind === 'drop') {
      stats.recordDrop(request);
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (action?.kind === 'status') {
      return reply
        .code(action.status)
        .header('Retry-After', retryAfter(action, now))
        .send(BODIES[action.status]);
    }
    return undefined;
  };
}

/** Injected statuses and drops *after* the call was processed: the change happened, the answer is lost. */
export function faultsAfterHook(faults: FaultInjector, stats: CallStats, now: () => number) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const action = faults.take('after', callOf(request));
    if (action?.kind === 'drop') {
      stats.recordDrop(request);
      request.raw.socket.destroy();
      return payload;
    }
    if (action?.kind === 'status') {
      reply
        .code(action.status)
        .header('Retry-After', retryAfter(action, now))
        .header('Content-Type', 'application/json; charset=utf-8');
      return JSON.stringify(BODIES[action.status]);
    }
    return payload;
  };
}

function callOf(request: FastifyRequest): { method: string; path: string } {
  return { method: request.method, path: request.url.split('?')[0] ?? request.url };
}
