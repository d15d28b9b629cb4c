import type { Server } from 'node:http';
import type { ConfigService } from '@nestjs/config';
import type { EnvironmentVariables } from './environment.js';

/** What bounds the connections one HTTP server holds (docs/security.md, "Connections"). */
export interface HttpServerLimits {
  /** Request line and headers must have arrived within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived within this; then 408 and the socket closed. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A connection with nothing moving either way while a request is under way is closed after this. */
  idleTimeoutMs: number;
  /** Connections above this many are closed on arrival. */
  maxConnections: number;
}

export function httpServerLimits(config: ConfigService<EnvironmentVariables, true>): HttpServerLimits {
  return {
    headersTimeoutMs: config.get('HTTP_HEADERS_TIMEOUT_MS', { infer: true }),
    requestTimeoutMs: config.get('HTTP_REQUEST_TIMEOUT_MS', { infer: true }),
    keepAliveTimeoutMs: config.get('HTTP_KEEP_ALIVE_TIMEOUT_MS', { infer: true }),
    idleTimeoutMs: config.get('HTTP_IDLE_TIMEOUT_MS', { infer: true }),
    maxConnections: config.get('HTTP_MAX_CONNECTIONS', { infer: true }),
  };
}

/**
 * Sets the limits on a Node HTTP server; call it before the server listens. Node enforces the
 * header and request deadlines from a timer started at listen (every 30 s by default, which lets a
 * deadline be overrun by as much), so the timer is set to a quarter of the shorter deadline, at most
 * a second. A socket that times out with no 'timeout' listener is destroyed by Node.
 */
export function applyHttpServerLimits(server: Server, limits: HttpServerLimits): void {
  if (server.listening) throw new Error('HTTP server limits must be applied before the server listens');
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.setTimeout(limits.idleTimeoutMs);
  server.maxConnections = limits.maxConnections;
  const checkEveryMs = Math.max(10, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
  // Read by Node when the server starts listening (the createServer option of the same name).
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = checkEveryMs;
}
