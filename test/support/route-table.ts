import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface RouteKey {
  method: string;
  /** Fastify's template, e.g. `/api/v1/transfers/:id/items/:productId`. */
  path: string;
}

export const routeName = (route: RouteKey): string => `${route.method} ${route.path}`;

const LINE = /^((?:│ {3}| {4})*)[├└]── (\S+?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route the running app answers, read from Fastify's own route tree (`printRoutes`), so a
 * route added anywhere shows up here. HEAD is left out where Fastify added it beside a GET.
 */
export function listRoutes(app: NestFastifyApplication): RouteKey[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const routes: RouteKey[] = [];
  for (const line of tree.split('\n').filter((text) => text.trim() !== '')) {
    const match = LINE.exec(line);
    if (!match) throw new Error(`Unexpected line in Fastify's route tree: ${JSON.stringify(line)}`);
    const depth = (match[1] as string).length / 4;
    const path = `${depth === 0 ? '' : prefixes[depth - 1]}${match[2]}`;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    const methods = (match[3] ?? '').split(', ').filter(Boolean);
    for (const method of methods) {
      if (method === 'HEAD' && methods.includes('GET')) continue;
      routes.push({ method, path });
    }
  }
  return routes;
}
