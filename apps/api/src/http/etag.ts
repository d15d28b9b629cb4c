import { RequestValidationError } from './request-validation.error.js';

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads If-Match as a stream version: `"7"`, `W/"7"` or a bare `7`; absent means "no precondition". */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) {
    throw new RequestValidationError([
      { field: 'If-Match', messages: ['If-Match must be the ETag you last saw, e.g. "7"'] },
    ]);
  }
  return Number(match[1]);
}
