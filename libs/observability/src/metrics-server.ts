import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { register, type Registry } from 'prom-client';

export interface MetricsServer {
  /** The port it listens on (useful when started on port 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * The standard exposition of a process that serves no HTTP of its own: `GET /metrics` on a port
 * of its own, for Prometheus to scrape. Anything else is a 404. `beforeListen` gets the server
 * first (the worker sets its connection limits there).
 */
export async function startMetricsServer(options: {
  port: number;
  host: string;
  registry?: Registry;
  beforeListen?: (server: Server) => void;
}): Promise<MetricsServer> {
  const registry = options.registry ?? register;
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
    );
  });
  options.beforeListen?.(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
