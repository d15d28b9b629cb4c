import type { FastifyInstance } from 'fastify';

/** Form bodies become a Map of their fields (the token endpoint is form-encoded only). */
export function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, new Map(new URLSearchParams(body as string)));
  });
}
