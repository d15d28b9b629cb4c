import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
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

/**
 * Node answers a request it cannot even parse (headers over 16 KiB, a malformed request line)
 * on the socket, before Fastify sees a request; this writes that answer as a problem document too.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const problem = tooLarge
    ? new ProblemException(431, 'HEADERS_TOO_LARGE', 'The request line and headers must fit in 16 KiB')
    : new ProblemException(400, 'BAD_REQUEST', 'The request could not be parsed as HTTP/1.1');
  const body = JSON.stringify(toProblem(problem));
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
