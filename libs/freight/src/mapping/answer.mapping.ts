import { CarrierAuthError, CarrierRateLimited, CarrierRejected, CarrierUnavailable, type CarrierError, type CarrierErrorEntry } from '../errors.js';
import { JsonReader, readFlag } from './json-reader.js';

/** One HTTP answer of Starshipit: its status, its body (parsed JSON, or the text when it is not JSON). */
export interface RawAnswer {
  status: number;
  body: unknown;
  retryAfterMs: number | null;
}

/**
 * The error an answer stands for, or null when it is a success. Starshipit may report a business error with
 * a 4xx or with 200 and `success: false` (`1`/`0` and strings accepted); the APIM gateway answers
 * `{statusCode, message}`. Both are read whatever the HTTP status says.
 */
export function errorOfAnswer(answer: RawAnswer, call: string): CarrierError | null {
  const status = effectiveStatus(answer);
  if (status < 400 && !saysFailure(answer.body)) return null;
  const errors = errorEntries(answer.body);
  if (status === 401 || status === 403) return new CarrierAuthError(status, errors.map((entry) => entry.message).join('; '), call);
  if (status === 429) return new CarrierRateLimited(call, answer.retryAfterMs);
  if (status >= 500) return new CarrierUnavailable('status', call, status, true);
  return new CarrierRejected(status, errors, call);
}

/** The HTTP status, unless a 2xx carries the gateway shape with an error `statusCode` of its own. */
function effectiveStatus(answer: RawAnswer): number {
  if (answer.status >= 400 || !JsonReader.isObject(answer.body)) return answer.status;
  const inner = answer.body['statusCode'];
  const code = typeof inner === 'string' ? Number(inner) : inner;
  return typeof code === 'number' && Number.isInteger(code) && code >= 400 && code <= 599 ? code : answer.status;
}

function saysFailure(body: unknown): boolean {
  if (!JsonReader.isObject(body) || !('success' in body)) return false;
  return readFlag(body['success']) === false;
}

/** `errors[]` of the business shape, else the gateway's `message`, else the text of a non-JSON body. */
export function errorEntries(body: unknown): CarrierErrorEntry[] {
  if (typeof body === 'string') return body.trim() === '' ? [] : [{ message: body.trim().slice(0, 300), details: '' }];
  if (!JsonReader.isObject(body)) return [];
  const listed = Array.isArray(body['errors']) ? body['errors'].map(entryOf).filter((entry): entry is CarrierErrorEntry => entry !== null) : [];
  if (listed.length > 0) return listed;
  const message = textOf(body['message']);
  return message === '' ? [] : [{ message, details: '' }];
}

function entryOf(value: unknown): CarrierErrorEntry | null {
  if (typeof value === 'string') return { message: value, details: '' };
  if (!JsonReader.isObject(value)) return null;
  const message = textOf(value['message']);
  const details = textOf(value['details']);
  return message === '' && details === '' ? null : { message: message || details, details: message === '' ? '' : details };
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
