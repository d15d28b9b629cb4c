import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module.js';
import { applyGlobalPrefix } from '../app.factory.js';
import { buildOpenApiDocument } from '../http/openapi/openapi-document.js';
import { isMain } from './is-main.js';

/** Only validated, never used: in preview mode no provider is built, so nothing connects anywhere. */
const placeholderSecrets = () => ({
  NODE_ENV: 'development',
  JWT_SECRET: randomBytes(32).toString('hex'),
  LIGHTSPEED_CLIENT_SECRET: randomBytes(24).toString('base64url'),
  LIGHTSPEED_REFRESH_TOKEN: randomBytes(24).toString('base64url'),
  LIGHTSPEED_TOKEN_KEY: randomBytes(32).toString('base64'),
});

/**
 * The OpenAPI document the API serves at /api/docs-json, built from the real AppModule in Nest's
 * preview mode (the module graph and routes, no database, Redis or HTTP server) and written as JSON.
 */
export async function openApiDocumentJson(): Promise<string> {
  const app = await NestFactory.create(AppModule.forRoot({ env: placeholderSecrets(), ignoreEnvFile: true }), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  applyGlobalPrefix(app);
  const json = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  return json;
}

if (isMain(import.meta.url)) {
  const [target = 'openapi.json'] = process.argv.slice(2);
  openApiDocumentJson().then(
    (json) => writeFileSync(target, json),
    (error: unknown) => {
      process.stderr.write(`write-openapi: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
