import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemException } from './problem.exception.js';
import { RequestValidationError, type FieldError } from './request-validation.error.js';

/** The largest CSV an import takes (some thousands of rows); a larger body is a 413. */
export const CSV_IMPORT_MAX_BYTES = 256 * 1024;

/** Far deeper than any request the API defines (a line inside a body is three levels down). */
export const MAX_NESTING = 32;

const NUL = '\u0000';
/** Half a UTF-16 surrogate pair: JSON's "\ud800" parses to one, and PostgreSQL's jsonb refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first thing in a request's params, query or body that no route can take: a NUL character
 * (PostgreSQL text and jsonb refuse it), a lone surrogate (jsonb refuses it) or nesting deeper
 * than MAX_NESTING (which would exhaust the stack of the recursive transform and validation
 * further on). Walked without recursion, so no input can exhaust the stack here.
 */
export function findUnacceptableInput(value: unknown, name: string): FieldError | undefined {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const field = next.path.join('.') || name;
    if (typeof next.value === 'string') {
      if (next.value.includes(NUL)) return { field, messages: [`${field} must not contain NUL characters`] };
      if (LONE_SURROGATE.test(next.value)) return { field, messages: [`${field} must be well-formed Unicode (it has a lone surrogate)`] };
      continue;
    }
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.path.length >= MAX_NESTING) {
      const outermost = next.path[0] ?? name;
      return { field: outermost, messages: [`${outermost} must not be nested more than ${MAX_NESTING} levels deep`] };
    }
    for (const [key, child] of Object.entries(next.value)) {
      if (key.includes(NUL)) return { field, messages: [`property names in ${field} must not contain NUL characters`] };
      pending.push({ value: child, path: [...next.path, key] });
    }
  }
  return undefined;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function unsupported(detail: string): ProblemException {
  return new ProblemException(415, 'UNSUPPORTED_MEDIA_TYPE', detail);
}

/**
 * The API speaks JSON in UTF-8 (RFC 8259) only; form bodies are taken only by `formRoutes`
 * (Lightspeed's webhook), multipart bodies only by `multipartRoutes` (evidence uploads) and CSV
 * (text/csv, read as a string of at most CSV_IMPORT_MAX_BYTES) only by `csvRoutes` (imports), so an
 * HTML form can never drive a command. Then, before any route's own validation, params, query and
 * body are checked by findUnacceptableInput.
 */
export function registerInputLimits(
  fastify: FastifyInstance,
  formRoutes: readonly string[],
  multipartRoutes: readonly string[] = [],
  csvRoutes: readonly string[] = [],
): void {
  // Without its parser a text/plain body is a 415, not a string handed to validation.
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_IMPORT_MAX_BYTES }, (_request, body, done) => done(null, body));
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const contentType = request.headers['content-type'];
    if (contentType === undefined || !hasBody(request)) return payload;
    const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
    const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw unsupported(`Bodies must be UTF-8; got charset ${charset}`);
    }
    const route = request.routeOptions.url ?? '';
    if (mediaType === 'application/x-www-form-urlencoded' && !formRoutes.includes(route)) {
      throw unsupported('Bodies must be application/json');
    }
    if (mediaType === 'multipart/form-data' && !multipartRoutes.includes(route)) {
      throw unsupported('Bodies must be application/json');
    }
    if (mediaType === 'text/csv' && !csvRoutes.includes(route)) {
      throw unsupported('Bodies must be application/json');
    }
    return payload;
  });
  fastify.addHook('preValidation', async (request) => {
    const found =
      findUnacceptableInput(request.params, 'params') ??
      findUnacceptableInput(request.query, 'query') ??
      findUnacceptableInput(request.body, 'body');
    if (found) throw new RequestValidationError([found]);
  });
}
