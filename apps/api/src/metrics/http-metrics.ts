import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, register } from 'prom-client';

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

const REFUSED = 'http_connections_refused_total';
/** How often a refusal is logged at most: under a flood, one line a minute says it goes on. */
const REFUSAL_LOG_INTERVAL_MS = 60_000;

/**
 * Counts the connections the server closed on arrival because HTTP_MAX_CONNECTIONS were open
 * (Node's 'drop' event), and says so in the log at most once a minute.
 */
export function countRefusedConnections(server: Server, logger: Pick<Logger, 'warn'> = new Logger('HTTP')): void {
  const refused =
    (register.getSingleMetric(REFUSED) as Counter | undefined) ??
    new Counter({ name: REFUSED, help: 'Connections the API closed on arrival because HTTP_MAX_CONNECTIONS were already open' });
  let loggedAt = Number.NEGATIVE_INFINITY;
  let since = 0;
  server.on('drop', () => {
    refused.inc();
    since++;
    if (Date.now() - loggedAt < REFUSAL_LOG_INTERVAL_MS) return;
    logger.warn(`refused ${since} connection(s): ${server.maxConnections} (HTTP_MAX_CONNECTIONS) are open`);
    loggedAt = Date.now();
    since = 0;
  });
}
