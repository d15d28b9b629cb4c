import { createHmac } from 'node:crypto';
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../http/problem.exception.js';
import type { Actor } from './actor.js';
import { ACTOR_KEY } from './current-actor.decorator.js';
import { cookieOptions, COOKIE_PATH, CSRF_COOKIE, CSRF_HEADER } from './session-cookie.js';

/**
 * @fastify/csrf-protection with its secret in an HttpOnly cookie; each token is also bound to the
 * signed-in subject (userInfo), so a token minted for one person is void in another's session.
 */
export async function registerCsrf(fastify: FastifyInstance, jwtSecret: string): Promise<void> {
  await fastify.register(csrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict' },
    getToken: (request) => request.headers[CSRF_HEADER] as string | undefined,
    getUserInfo: (request) => (request as unknown as Record<string, Actor | undefined>)[ACTOR_KEY]?.id ?? '',
    csrfOpts: { hmacKey: createHmac('sha256', jwtSecret).update('consignments csrf').digest() },
  });
}

/** A fresh X-CSRF-Token for this actor (setting the secret cookie first if there is none). */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply, actor: Actor): string {
  return reply.generateCsrf({ ...cookieOptions(request), userInfo: actor.id });
}

/** 403 CSRF_TOKEN_INVALID unless X-CSRF-Token verifies against the secret cookie and the actor. */
export async function requireCsrfToken(request: FastifyRequest): Promise<void> {
  const refusal = await new Promise<unknown>((resolve) => {
    // The plugin answers a bad token through reply.send(error); this reply hands the error back instead.
    const reply = { send: (error: unknown) => resolve(error) } as unknown as FastifyReply;
    request.server.csrfProtection(request, reply, () => resolve(null));
  });
  if (refusal) {
    throw new ProblemException(403, 'CSRF_TOKEN_INVALID', `A write in a signed-in browser session needs the session's token in ${'X-CSRF-Token'}: it is missing or does not match`);
  }
}
