import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { Logger } from 'nestjs-pino';
import { applyHttpServerLimits, httpServerLimits, type EnvironmentVariables } from '#config';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { registerCsrf } from './auth/csrf.js';
import { CORRELATION_HEADER, correlationIdFor } from './http/correlation-id.js';
import { registerInputLimits } from './http/input-limits.js';
import { buildOpenApiDocument } from './http/openapi/openapi-document.js';
import { answerClientError, answerRouterError } from './http/problem-details.filter.js';
import { registerRateLimit } from './http/rate-limit.js';
import { countRefusedConnections, instrumentHttp } from './metrics/http-metrics.js';
import { queueBoard } from './operations/queue-board.js';
import { SyncOverviewService } from './operations/sync-overview.service.js';
import { TokenVerifier } from './auth/token-verifier.js';
import { serveWebApp } from './web/web-app.js';

export const GLOBAL_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';
/** Lightspeed's deliveries: signed, form-encoded, and retried by Lightspeed on its own schedule. */
const WEBHOOK_ROUTE = '/webhooks/lightspeed';
/** Starshipit's tracking deliveries: signed JSON, retried by Starshipit until it gets a 200. */
const CARRIER_WEBHOOK_ROUTE = '/webhooks/starshipit';
/** Photo and signature uploads: the one route that takes multipart bodies. */
const EVIDENCE_UPLOAD_ROUTE = `/${GLOBAL_PREFIX}/evidence`;
/** Imports of products' dimensions: the one route that takes text/csv bodies. */
const DIMENSIONS_IMPORT_ROUTE = `/${GLOBAL_PREFIX}/products/dimensions/import`;

export type CreateAppOptions = AppModuleOptions;

/** Applies the HTTP conventions shared by main.ts and the tests: prefix, OpenAPI, shutdown hooks. */
export function configureApp(app: NestFastifyApplication): void {
  applyGlobalPrefix(app);
  app.enableShutdownHooks();
  SwaggerModule.setup(DOCS_PATH, app, buildOpenApiDocument(app), { jsonDocumentUrl: `${DOCS_PATH}-json` });
}

/** Every route under /api/v1 but the probes, the metrics and the webhooks of Lightspeed and Starshipit. */
export function applyGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix(GLOBAL_PREFIX, { exclude: ['health/live', 'health/ready', 'health/sync', 'metrics', 'webhooks/lightspeed', 'webhooks/starshipit'] });
}

/**
 * Security headers (helmet; the CSP still lets the API docs page run its own inline script), a
 * strict CORS allow-list from CORS_ORIGINS (other origins get no CORS headers, so browsers refuse)
 * and per-caller rate limiting.
 */
async function secureHttp(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: for the dock app's previews of photos and signatures before they are uploaded.
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  const config = app.get<ConfigService<EnvironmentVariables, true>>(ConfigService);
  const origins = config.get('CORS_ORIGINS', { infer: true });
  app.enableCors({
    origin: origins.split(','),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key', 'x-correlation-id', 'x-csrf-token'],
    exposedHeaders: ['etag', 'location', 'x-correlation-id', 'idempotent-replayed', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    maxAge: 600,
  });
  // Cookies are parsed before the limiter runs, which counts a session by its subject as it does a bearer token.
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(cookie);
  await registerCsrf(fastify, config.get('JWT_SECRET', { infer: true }));
  // Before any route exists: the limiter attaches itself to each route as it is added.
  await registerRateLimit(app.getHttpAdapter().getInstance(), app.get(JwtService), {
    redisUrl: config.get('REDIS_URL', { infer: true }),
    keyPrefix: config.get('QUEUE_PREFIX', { infer: true }),
    max: config.get('RATE_LIMIT_MAX', { infer: true }),
    windowSeconds: config.get('RATE_LIMIT_WINDOW_SECONDS', { infer: true }),
    ownBucketRoutes: [WEBHOOK_ROUTE, CARRIER_WEBHOOK_ROUTE],
  });
}

/**
 * Multipart bodies are parsed only when the upload route reads them (after authentication), one
 * file and a few small fields at most; a file's bytes are held only up to EVIDENCE_MAX_BYTES,
 * beyond which the upload is a 413 and the rest of the body is discarded as it arrives.
 */
async function registerMultipart(app: NestFastifyApplication): Promise<void> {
  const config = app.get<ConfigService<EnvironmentVariables, true>>(ConfigService);
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: config.get('EVIDENCE_MAX_BYTES', { infer: true }), files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 20 },
  });
}

/** Builds the API and initialises it (routes registered, Fastify ready) without listening. */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options),
    new FastifyAdapter({
      // Read before the configuration module exists; validated with the rest of the environment.
      trustProxy: (options.env?.TRUST_PROXY ?? process.env.TRUST_PROXY) === 'true',
      requestIdHeader: false,
      genReqId: correlationIdFor,
      frameworkErrors: answerRouterError,
      clientErrorHandler: answerClientError,
    }),
    {
    bufferLogs: true,
    abortOnError: false,
    // Webhook signatures are computed over the body as sent (request.rawBody).
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  // Slow or idle clients and connection floods are bounded before any request reaches a route.
  applyHttpServerLimits(app.getHttpServer(), httpServerLimits(app.get<ConfigService<EnvironmentVariables, true>>(ConfigService)));
  countRefusedConnections(app.getHttpServer());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(CORRELATION_HEADER, request.id);
  });
  registerInputLimits(fastify, [WEBHOOK_ROUTE], [EVIDENCE_UPLOAD_ROUTE], [DIMENSIONS_IMPORT_ROUTE]);
  await registerMultipart(app);
  instrumentHttp(fastify);
  await secureHttp(app);
  const config = app.get<ConfigService<EnvironmentVariables, true>>(ConfigService);
  await app.register(serveWebApp(config.get('WEB_APP_DIR', { infer: true }) ?? 'dist/web'));
  await app.register(queueBoard(app.get(SyncOverviewService).queues, app.get(TokenVerifier)));
  configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
