import type { FastifyInstance } from 'fastify';
import type { RuntimeSettings } from '../sandbox-options.js';
import { businessBody, BusinessError } from './business-error.js';
import { gatewayBody } from './gateway-error.js';

/** Business errors in Starshipit's shape (4xx, or 200 when settings say so); anything else never leaks Fastify's body. */
export function registerErrorHandling(app: FastifyInstance, settings: RuntimeSettings): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof BusinessError) {
      const status = settings.businessErrors === 'ok' ? 200 : error.statusCode;
      return reply.code(status).send(businessBody(error.message, error.details));
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 415) return reply.code(415).send(businessBody('Unsupported Media Type', 'Content-Type must be application/json'));
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.code(status).send(businessBody('Invalid request', (error as Error).message));
    }
    request.log.error(error);
    return reply.code(500).send(gatewayBody(500, 'Internal server error'));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(gatewayBody(404, 'Resource not found')));
}
