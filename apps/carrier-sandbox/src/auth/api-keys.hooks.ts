import type { FastifyReply, FastifyRequest } from 'fastify';
import { INVALID_API_KEY, INVALID_SUBSCRIPTION_KEY } from '../http/gateway-error.js';

/** The gateway checks the subscription key first: a missing or wrong one is a 401 before anything else. */
export function subscriptionKeyHook(subscriptionKey: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.headers['ocp-apim-subscription-key'] !== subscriptionKey) return reply.code(401).send(INVALID_SUBSCRIPTION_KEY);
    return undefined;
  };
}

/** The API key picks the account; a missing or unknown one is a 403. */
export function apiKeyHook(apiKeys: string[]) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const key = request.headers['starshipit-api-key'];
    if (typeof key !== 'string' || !apiKeys.includes(key)) return reply.code(403).send(INVALID_API_KEY);
    return undefined;
  };
}

/** The account (API key) a call was authenticated as. */
export function accountOf(request: FastifyRequest): string {
  return request.headers['starshipit-api-key'] as string;
}
