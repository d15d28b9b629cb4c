import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pretty from 'pino-pretty';
import type { LogLevel, NodeEnvironment } from './environment.js';

/** Nest's start-up chatter (one line per module and per mapped route): not logged at info. */
const START_UP_NOISE = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

type Request = IncomingMessage & { id?: unknown; originalUrl?: string };

const requestLine = (request: Request, response: ServerResponse, milliseconds?: number) =>
  `${request.method} ${request.originalUrl ?? request.url} ${response.statusCode}` +
  `${milliseconds === undefined ? '' : ` ${Math.round(milliseconds)} ms`} (request ${String(request.id)})`;

/**
 * Health probes are not logged. Routes outside the global prefix (/metrics, /webhooks/lightspeed)
 * run the logging middleware twice (Nest mounts it once for them and once for every route), and
 * a mounted middleware sees its mount path stripped from `url`: a request is logged once, judged
 * by `originalUrl`.
 */
function skipRequest(request: Request, logged: WeakSet<Request>): boolean {
  if ((request.originalUrl ?? request.url ?? '').startsWith('/health') || logged.has(request)) return true;
  logged.add(request);
  return false;
}

/**
 * pino for every process: JSON lines, or — when NODE_ENV=development — pino-pretty's concise
 * single lines, written synchronously so nothing is lost when a service dies. A request is one
 * line (method, url, status, time, request id: the correlation id, see
 * apps/api/src/http/correlation-id.ts), never with headers or credentials.
 */
export function loggerOptions(level: LogLevel, environment: NodeEnvironment = 'production'): Params {
  const logged = new WeakSet<Request>();
  const options: NonNullable<Exclude<Params['pinoHttp'], unknown[]>> = {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (request) => skipRequest(request as Request, logged) },
    serializers: {
      req: (request: { id?: unknown; method?: string; url?: string }) => ({ id: request.id, method: request.method, url: request.url }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    customSuccessMessage: (request, response, milliseconds) => requestLine(request as Request, response, milliseconds),
    customErrorMessage: (request, response) => requestLine(request as Request, response),
    hooks: {
      logMethod(args, method, levelNumber) {
        const context = (args[0] as { context?: unknown } | undefined)?.context;
        if (levelNumber <= 30 && typeof context === 'string' && START_UP_NOISE.has(context)) return;
        method.apply(this, args);
      },
    },
  };
  if (environment !== 'development') return { pinoHttp: options };
  const stream = pretty({
    sync: true,
    singleLine: true,
    colorize: process.stdout.isTTY ?? false,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: '{if context}{context}: {end}{msg}',
  });
  return { pinoHttp: [options, stream] };
}
