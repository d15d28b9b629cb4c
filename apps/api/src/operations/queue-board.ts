import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { ForbiddenException, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { mayPerform } from '../auth/access-policy.js';
import { authenticate } from '../auth/jwt-auth.guard.js';
import { isSafeMethod } from '../auth/session-cookie.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { sendProblem } from '../http/problem-details.filter.js';
import { ProblemException } from '../http/problem.exception.js';

export const QUEUE_BOARD_PATH = '/api/v1/admin/queues';

/** What the board's answers carry that a browser needs (its own Fastify sets them). */
const FORWARDED_HEADERS = ['content-type', 'cache-control', 'etag', 'last-modified'] as const;

const logger = new Logger('QueueBoard');

/** bull-board (its UI and its read API) on a Fastify of its own, never listening: the API forwards reads to it. */
function boardServer(queues: readonly Queue[]): FastifyInstance {
  const server = new FastifyAdapter();
  server.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullAdapter(queue, { readOnlyMode: true })),
    serverAdapter: server,
    options: {
      // bull-board finds its UI with `require.resolve`, which an ES module does not have.
      uiBasePath: dirname(createRequire(import.meta.url).resolve('@bull-board/ui/package.json')),
      uiConfig: { boardTitle: 'Consignments queues' },
    },
  });
  const board = Fastify();
  void board.register(server.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  return board;
}

/** 405: the board is read-only, so that no retry escapes the audit trail. */
function readOnly(reply: FastifyReply): ProblemException {
  void reply.header('allow', 'GET, HEAD');
  return new ProblemException(405, 'READ_ONLY', 'The queue board is read-only: retry a dead letter from the console (POST /api/v1/admin/jobs/:id/retry), which records who retried it');
}

/** bull-board's refusals (`{error}` JSON or a plain text) in the API's problem shape; its failures as a 502. */
function refusalOf(status: number, body: string): ProblemException {
  let detail = body.slice(0, 500) || 'The queue board refused the request';
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    detail = String(parsed.error ?? parsed.message ?? detail);
  } catch {
    // Not JSON: the text is the detail.
  }
  if (status >= 500) return new ProblemException(502, 'QUEUE_BOARD_FAILED', `The queue board failed: ${detail}`);
  return new ProblemException(status, status === 404 ? 'NOT_FOUND' : 'QUEUE_BOARD_REFUSED', detail);
}

/**
 * The queues' own UI (bull-board) at /api/v1/admin/queues, for admins signed in (session cookie or
 * bearer token), and read-only: a retry from there would skip the audit trail, so dead letters are
 * retried from the console (POST /admin/jobs/:id/retry) and every write to the board is a 405.
 * The board runs on a Fastify of its own that the API forwards GETs to, so the API's routes stay
 * a few (the board's page and everything under it) whatever routes bull-board has.
 */
export function queueBoard(queues: readonly Queue[], tokens: TokenVerifier) {
  const board = boardServer(queues);
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await board.inject({ method: 'GET', url: request.url, headers: { accept: request.headers.accept ?? '*/*' } });
    if (answer.statusCode >= 400) return sendProblem(reply, request.url, refusalOf(answer.statusCode, answer.body), logger);
    for (const name of FORWARDED_HEADERS) {
      const value = answer.headers[name];
      if (value !== undefined) void reply.header(name, value);
    }
    return reply.code(answer.statusCode).send(answer.rawPayload);
  };
  return async (fastify: FastifyInstance): Promise<void> => {
    await board.ready();
    fastify.addHook('onClose', () => board.close());
    // These routes are Fastify's, not Nest's: their refusals (e.g. a body the input limits refuse) need the problem shape too.
    fastify.setErrorHandler((error, request, reply) => sendProblem(reply, request.url, error, logger));
    // Encapsulated: the check guards the board's routes alone, and answers in the API's problem shape.
    fastify.addHook('onRequest', async (request, reply) => {
      try {
        const actor = await authenticate(tokens, request);
        if (!mayPerform(actor, 'admin')) throw new ForbiddenException('Only admins may see the queue board');
        // Refused before the body is read: the board takes no write, whatever it holds.
        if (!isSafeMethod(request.method)) throw readOnly(reply);
      } catch (error) {
        return sendProblem(reply, request.url, error, logger);
      }
    });
    fastify.get(QUEUE_BOARD_PATH, forward);
    fastify.get(`${QUEUE_BOARD_PATH}/`, forward);
    fastify.get(`${QUEUE_BOARD_PATH}/*`, forward);
    fastify.route({
      method: ['POST', 'PUT', 'PATCH', 'DELETE'],
      url: `${QUEUE_BOARD_PATH}/*`,
      handler: (_request, reply) => {
        throw readOnly(reply);
      },
    });
  };
}
