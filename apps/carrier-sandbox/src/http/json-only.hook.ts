import type { FastifyReply, FastifyRequest } from 'fastify';
import { businessBody } from './business-error.js';

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/** A call that carries a body must say `Content-Type: application/json`; 415 in the business shape otherwise. */
export async function jsonOnlyHook(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!hasBody(request)) return undefined;
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/json') return undefined;
  return reply.code(415).send(businessBody('Unsupported Media Type', 'Content-Type must be application/json'));
}
