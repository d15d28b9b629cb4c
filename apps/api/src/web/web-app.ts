import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Logger } from '@nestjs/common';
import { WEB_APP_PATH } from '../auth/sign-in-link.js';
import { sendProblem } from '../http/problem-details.filter.js';

const logger = new Logger('WebApp');

/** Vite names every built asset after its content, so a browser may keep one for good. */
const HASHED_ASSETS = { maxAge: '365d', immutable: true } as const;

/**
 * The files the build writes beside index.html (the service worker, its registration and the web
 * manifest): their names do not change between builds, so they are served fresh every time.
 */
function rootFilesOf(root: string): ReadonlySet<string> {
  // No build there (an API run from another folder, or before `npm run build`): the API still starts, and /app/ answers 404.
  if (!existsSync(root)) return new Set();
  return new Set(readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name !== 'index.html').map((entry) => entry.name));
}

/**
 * The dock app (apps/web, built by Vite) under /app/: its hashed assets with a year-long cache,
 * the service worker and manifest beside index.html never cached, and index.html, never cached,
 * for /app/ and any other path beneath it (the app routes itself).
 * No token is needed to fetch the app; everything it shows comes from the API behind the session.
 */
export function serveWebApp(directory: string) {
  const root = resolve(directory);
  const rootFiles = rootFilesOf(root);
  return async (fastify: FastifyInstance): Promise<void> => {
    // Encapsulated: reply.sendFile exists only here, beside the API docs' own static files.
    await fastify.register(fastifyStatic, { root, serve: false });
    // These routes are Fastify's, not Nest's: their refusals (e.g. a NUL in the query) need the problem shape too.
    fastify.setErrorHandler((error, request, reply) => sendProblem(reply, request.url, error, logger));
    fastify.get(WEB_APP_PATH, (_request, reply) => reply.redirect(`${WEB_APP_PATH}/`, 301));
    const index = (reply: FastifyReply) => reply.sendFile('index.html', root, { cacheControl: false }).header('cache-control', 'no-cache');
    fastify.get(`${WEB_APP_PATH}/`, (_request, reply) => index(reply));
    fastify.get(`${WEB_APP_PATH}/*`, (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      if (rootFiles.has(path)) return reply.sendFile(path, root, { cacheControl: false }).header('cache-control', 'no-cache');
      if (!path.startsWith('assets/')) return index(reply);
      // Nothing outside the build's assets, however the path is spelled.
      if (path.split('/').some((segment) => segment === '..' || segment === '.')) return reply.callNotFound();
      return reply.sendFile(path, root, HASHED_ASSETS);
    });
  };
}
