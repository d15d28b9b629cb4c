import type { FastifyInstance } from 'fastify';
import { Histogram, register } from 'prom-client';

const NAME = 'http_request_duration_seconds';

function histogram(): Histogram<'method' | 'route' | 'status_code'> {
  return (
    (register.getSingleMetric(NAME) as Histogram<'method' | 'route' | 'status_code'> | undefined) ??
    new Histogram({
      name: NAME,
      help: 'Duration of HTTP requests served by the API, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    })
  );
}

/**
 * Times every request Fastify answers, errors and 404s included. The route label is the route's
 * template (`/api/v1/transfers/:id`), never the raw URL, so label values stay few.
 */
export function instrumentHttp(fastify: FastifyInstance): void {
  const duration = histogram();
  fastify.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
