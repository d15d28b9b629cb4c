import type { FastifyReply, FastifyRequest } from 'fastify';

/** The HttpOnly cookie that carries the signed-in browser's JWT, as the CIS issued it. */
export const SESSION_COOKIE = 'consignments_session';
/** The HttpOnly cookie holding the secret that X-CSRF-Token values are derived from (@fastify/csrf-protection). */
export const CSRF_COOKIE = 'consignments_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Only the API reads them; the app's own files never need them. */
export const COOKIE_PATH = '/api/v1';

/**
 * Secure when the request came over HTTPS: Fastify reports `https` for TLS it terminates itself, or
 * for `X-Forwarded-Proto: https` from a proxy it trusts (TRUST_PROXY). Plain-HTTP localhost gets a
 * cookie the browser will send back over HTTP.
 */
export function cookieOptions(request: FastifyRequest) {
  return { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict' as const, secure: request.protocol === 'https' };
}

/** The session cookie, expiring with its token (never later). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  void reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), expires: expiresAt });
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  for (const name of [SESSION_COOKIE, CSRF_COOKIE]) void reply.clearCookie(name, cookieOptions(request));
}

export function sessionTokenOf(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE] || undefined;
}

/** Requests that change nothing, so a forged one does no harm: no CSRF token is asked of them. */
export const isSafeMethod = (method: string): boolean => ['GET', 'HEAD', 'OPTIONS'].includes(method);
