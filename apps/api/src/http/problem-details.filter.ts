import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from './problem.exception.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { toProblem } from './to-problem.js';

/** Every error leaves the API as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    sendProblem(http.getResponse<FastifyReply>(), request.url, error, this.logger);
  }
}

export function sendProblem(reply: FastifyReply, url: string, error: unknown, logger: Logger): void {
  const problem = { ...toProblem(error), instance: url };
  if (problem.status >= 500) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

const routerLogger = new Logger('HTTP');

/**
 * Fastify's router answers a URL it cannot route (bad percent-encoding, a path parameter over
 * maxParamLength) before any hook or filter runs; this gives that answer the same problem shape.
 */
export function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = error.statusCode === 414
    ? new ProblemException(414, 'URI_TOO_LONG', 'A path parameter is too long')
    : new ProblemException(400, 'BAD_REQUEST', 'The URL is not validly percent-encoded UTF-8');
  sendProblem(reply, request.url, problem, routerLogger);
}

/** The answer Node's parser errors get, by error code; anything else is a 400. */
function clientErrorProblem(error: NodeJS.ErrnoException, server: Server | undefined): ProblemException {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return new ProblemException(431, 'HEADERS_TOO_LARGE', 'The request line and headers must fit in 16 KiB');
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    const limits = server ? ` (headers within ${server.headersTimeout} ms, the whole request within ${server.requestTimeout} ms)` : '';
    return new ProblemException(408, 'REQUEST_TIMEOUT', `The request did not arrive in time${limits}`);
  }
  return new ProblemException(400, 'BAD_REQUEST', 'The request could not be parsed as HTTP/1.1');
}

/**
 * Node answers a request it cannot even parse (headers over 16 KiB, a malformed request line) or
 * that did not arrive in time (headers or body trickled past HTTP_HEADERS_TIMEOUT_MS /
 * HTTP_REQUEST_TIMEOUT_MS) on the socket, before or beside Fastify; this writes that answer as a
 * problem document too. Fastify calls it bound to its instance. A late request's socket is closed
 * once the answer is out: the client is still sending, and would otherwise hold it open.
 */
export function answerClientError(this: { server?: Server } | undefined, error: NodeJS.ErrnoException, socket: Socket): void {
  const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  // An answer already begun (a route that replied before reading the body) cannot be followed by another.
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (!socket.writable || answering) {
    if (timedOut) socket.destroy();
    return;
  }
  const problem = toProblem(clientErrorProblem(error, this?.server));
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    timedOut ? () => socket.destroy() : undefined,
  );
}
