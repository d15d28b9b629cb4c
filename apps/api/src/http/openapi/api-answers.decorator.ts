import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath, type SchemaObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { ProblemResponse } from './problem.response.js';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502 | 503;

/** A success: a JSON body of `type`, a body of another media type (`content`), or no body. */
export interface Success {
  status?: 200 | 201 | 202 | 204;
  description: string;
  type?: Type<unknown>;
  content?: Record<string, SchemaObject>;
}

const ERROR_DESCRIPTIONS: Readonly<Record<ErrorStatus, string>> = {
  400: 'Invalid request (problem+json naming each bad field)',
  401: 'No valid bearer token or session cookie',
  403: 'Your roles, or the outlets you work at, do not allow it',
  404: 'No such resource',
  409: 'Conflict with the current state',
  413: 'The body is larger than the API takes',
  415: 'The body is not of a media type this route takes',
  422: 'A business rule refuses it',
  429: 'Too many requests: Retry-After says when to try again (RATE_LIMITED)',
  502: 'A service this one relies on refused or failed it',
  503: 'A dependency is unavailable: retry later',
};

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemResponse) } } };

function successResponse({ status = 200, description, type, content }: Success): MethodDecorator & ClassDecorator {
  if (content) return ApiResponse({ status, description, content: Object.fromEntries(Object.entries(content).map(([media, schema]) => [media, { schema }])) });
  return ApiResponse({ status, description, ...(type ? { type } : {}) });
}

/**
 * Everything a route can answer, in one line: its successes and the problem+json refusals it can
 * give (a status alone takes the usual wording; a status with a text says what it means here).
 */
export function ApiAnswers(success: Success | Success[], errors: ErrorStatus[] | Partial<Record<ErrorStatus, string>>) {
  const described: [string, string | undefined][] = Array.isArray(errors) ? errors.map((status) => [String(status), undefined]) : Object.entries(errors);
  return applyDecorators(
    ApiExtraModels(ProblemResponse),
    ...[success].flat().map(successResponse),
    ...described.map(([status, description]) =>
      ApiResponse({ status: Number(status), description: description ?? ERROR_DESCRIPTIONS[Number(status) as ErrorStatus], content: problemContent }),
    ),
  );
}
