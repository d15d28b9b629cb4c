import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { pino, type LoggerOptions } from 'pino';
import { loggerOptions } from './logger-options.js';

/** A real pino logger with the service's options, writing JSON lines into memory. */
function capture(environment: 'production' | 'development') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const params = loggerOptions('info', environment).pinoHttp;
  const options = (Array.isArray(params) ? params[0] : params) as LoggerOptions;
  return { logger: pino(options, sink), lines, params };
}

describe('service logging options', () => {
  it("leave out Nest's start-up chatter at info and keep everything else", () => {
    const { logger, lines } = capture('production');
    logger.info({ context: 'InstanceLoader' }, 'AppModule dependencies initialized');
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/api/v1/transfers, GET} route');
    logger.info({ context: 'NestApplication' }, 'Nest application successfully started');
    logger.error({ context: 'InstanceLoader' }, 'a module failed');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['Nest application successfully started', 'a module failed']);
  });

  it('write through pino-pretty in development and as JSON otherwise', () => {
    expect(Array.isArray(capture('development').params)).toBe(true);
    expect(Array.isArray(capture('production').params)).toBe(false);
  });

  it('log each request once, never a health probe, judged by the URL as the client sent it', () => {
    const options = capture('production').params as { autoLogging: { ignore: (request: object) => boolean } };
    const request = { url: '/', originalUrl: '/metrics' };
    expect(options.autoLogging.ignore(request)).toBe(false);
    expect(options.autoLogging.ignore(request)).toBe(true);
    expect(options.autoLogging.ignore({ url: '/', originalUrl: '/health/live' })).toBe(true);
    expect(options.autoLogging.ignore({ url: '/api/v1/transfers' })).toBe(false);
  });
});
