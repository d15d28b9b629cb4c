import type { Params } from 'nestjs-pino';
import type { LogLevel } from './environment.js';

/**
 * JSON logs (pino) for every process. HTTP requests are logged with their id, which the API sets
 * to the request's correlation id (see apps/api/src/http/correlation-id.ts), never with credentials.
 */
export function loggerOptions(level: LogLevel): Params {
  return {
    pinoHttp: {
      level,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
    },
  };
}
