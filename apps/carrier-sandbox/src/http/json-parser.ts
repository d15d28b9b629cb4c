import type { FastifyInstance } from 'fastify';
import { validationError } from './business-error.js';

/**
 * JSON bodies, where an empty one is no body: clients send `Content-Type: application/json` on every call, as
 * the reference says, including the bodiless POST /api/orders/archive.
 */
export function registerJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(validationError('The request body is not valid JSON'), undefined);
    }
  });
}
