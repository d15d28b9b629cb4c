import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RATE_LIMIT_EXCEEDED, SERVER_ERRORS } from '../http/gateway-error.js';
import type { FaultInjector } from './fault-injector.js';

function gatewayAnswer(status: number) {
  return status === 429 ? RATE_LIMIT_EXCEEDED : SERVER_ERRORS[status]!;
}

/** Calls the route applied: only those take an `after` fault. */
const reachedBackend = new WeakSet<object>();

/** Before the route: an injected status answers instead (nothing applied); a delay holds the call, then applies it. */
export function faultsBeforeHook(faults: FaultInjector) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const action = faults.take('before', callOf(request));
    if (action?.kind === 'delay') await sleep(action.ms);
    if (action?.kind === 'status') return reply.code(action.status).send(gatewayAnswer(action.status));
    reachedBackend.add(request.raw);
    return undefined;
  };
}

/** After the route applied the call: its answer is replaced by an injected status, or held back for a delay. */
export function faultsAfterHook(faults: FaultInjector) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (!reachedBackend.has(request.raw)) return payload;
    reachedBackend.delete(request.raw);
    const action = faults.take('after', callOf(request));
    if (action?.kind === 'delay') await sleep(action.ms);
    if (action?.kind === 'status') {
      reply.code(action.status).header('Content-Type', 'application/json; charset=utf-8');
      return JSON.stringify(gatewayAnswer(action.status));
    }
    return payload;
  };
}

function callOf(request: FastifyRequest): { method: string; path: string } {
  return { method: request.method, path: request.url.split('?')[0] ?? request.url };
}
