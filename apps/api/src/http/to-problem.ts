import { HttpException } from '@nestjs/common';
import { DomainError } from '#domain';
import { IdempotencyKeyReusedError, InvalidCursorError, VersionConflictError } from '#persistence';
import { DOMAIN_ERROR_STATUS, DOMAIN_ERROR_TITLES } from './error-status.js';
import { ProblemException } from './problem.exception.js';
import { problemType, type Problem } from './problem.js';
import { RequestValidationError } from './request-validation.error.js';

const FIELD_ERRORS = new Set(['INVALID_TRANSFER', 'UNIT_COST_REQUIRED']);

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

function problem(status: number, code: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return {
    ...extensions,
    type: problemType(code),
    title: DOMAIN_ERROR_TITLES[status] ?? 'Error',
    status,
    detail,
    code,
  };
}

/** Turns anything thrown while serving a request into the problem document the client gets. */
export function toProblem(error: unknown): Problem {
  if (error instanceof DomainError) {
    const status = DOMAIN_ERROR_STATUS[error.code];
    const fieldErrors = FIELD_ERRORS.has(error.code) && typeof error.details.field === 'string'
      ? { errors: [{ field: error.details.field, messages: [error.message] }] }
      : {};
    return problem(status, error.code, error.message, { ...error.details, ...fieldErrors });
  }
  if (error instanceof RequestValidationError) {
    return problem(400, 'VALIDATION_FAILED', error.message, { errors: error.errors });
  }
  if (error instanceof VersionConflictError) {
    return problem(409, 'VERSION_CONFLICT', error.message, {
      currentVersion: error.currentVersion,
      expectedVersion: error.expectedVersion,
    });
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return problem(422, 'IDEMPOTENCY_KEY_REUSED', error.message);
  }
  if (error instanceof InvalidCursorError) {
    return problem(400, 'INVALID_CURSOR', error.message, { errors: [{ field: 'cursor', messages: [error.message] }] });
  }
  if (error instanceof ProblemException) {
    return problem(error.status, error.code, error.message, error.extensions);
  }
  if (isAbortedBody(error)) {
    // The client went away, or its body was cut off by HTTP_REQUEST_TIMEOUT_MS: nothing of ours failed.
    return problem(400, 'REQUEST_ABORTED', 'The request body stopped before its end');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    if (status === 503) {
      return problem(503, 'SERVICE_UNAVAILABLE', 'A dependency is not available', { health: response });
    }
    if (status >= 500) return internalError();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return problem(status, CODE_BY_STATUS[status] ?? 'HTTP_ERROR', Array.isArray(message) ? message.join('; ') : String(message ?? error.message));
  }
  return internalError();
}

/**
 * Node's error for a request stream whose connection closed before the body's end. Recognised by
 * its shape, not `instanceof Error`: Node core makes it in its own realm, which need not be ours.
 */
function isAbortedBody(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'ECONNRESET' && message === 'aborted';
}

function internalError(): Problem {
  return problem(500, 'INTERNAL_ERROR', 'An unexpected error occurred; it has been logged');
}
