import { badRequest } from '../http/api-error.js';
import { asFields, type Fields } from '../http/request-body.js';

/** `before`: the call is not processed. `after`: it is processed, then the answer is replaced or lost. */
export type FaultPhase = 'before' | 'after';

/** Which calls a status or drop fault takes: every call unless narrowed by method and/or a regex on the path. */
export interface FaultTarget {
  method?: string;
  path?: string;
}

export type FaultSpec =
  | {
      kind: 'status';
      status: 429 | 500 | 502 | 503;
      count?: number;
      probability?: number;
      durationMs?: number;
      retryAfterSeconds: number;
      phase: FaultPhase;
      target?: FaultTarget;
    }
  | { kind: 'latency'; ms: number }
  | { kind: 'drop'; count: number; phase: FaultPhase; target?: FaultTarget }
  | { kind: 'expire-tokens' }
  | { kind: 'rate-limit'; limit: number; windowMs: number };

const STATUSES = [429, 500, 502, 503];

function positiveInt(fields: Fields, key: string, fallback?: number): number {
  const value = fields[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw badRequest(`${key} must be a non-negative integer`);
  }
  return value;
}

function phaseOf(fields: Fields): FaultPhase {
  const phase = fields['phase'] ?? 'before';
  if (phase !== 'before' && phase !== 'after') throw badRequest('phase must be "before" or "after"');
  return phase;
}

function targetOf(fields: Fields): FaultTarget | undefined {
  const method = fields['method'];
  const path = fields['path'];
  if (method === undefined && path === undefined) return undefined;
  if (method !== undefined && typeof method !== 'string') throw badRequest('method must be a string');
  if (path !== undefined) {
    if (typeof path !== 'string') throw badRequest('path must be a regular expression');
    try {
      new RegExp(path);
    } catch {
      throw badRequest('path must be a regular expression');
    }
  }
  return { ...(method === undefined ? {} : { method: method.toUpperCase() }), ...(path === undefined ? {} : { path }) };
}

/** Validates a `POST /admin/faults` body. */
export function parseFaultSpec(body: unknown): FaultSpec {
  const fields = asFields(body, 'A fault');
  switch (fields['kind']) {
    case 'status': {
      const status = fields['status'];
      if (typeof status !== 'number' || !STATUSES.includes(status)) {
        throw badRequest(`status must be one of ${STATUSES.join(', ')}`);
      }
      const probability = fields['probability'];
      if (probability !== undefined && (typeof probability !== 'number' || probability < 0 || probability > 1)) {
        throw badRequest('probability must be between 0 and 1');
      }
      return {
        kind: 'status',
        status: status as 429 | 500 | 502 | 503,
        count: probability === undefined ? positiveInt(fields, 'count', 1) : undefined,
        probability,
        durationMs: fields['durationMs'] === undefined ? undefined : positiveInt(fields, 'durationMs'),
        retryAfterSeconds: positiveInt(fields, 'retryAfterSeconds', 1),
        phase: phaseOf(fields),
        target: targetOf(fields),
      };
    }
    case 'latency':
      return { kind: 'latency', ms: positiveInt(fields, 'ms') };
    case 'drop':
      return { kind: 'drop', count: positiveInt(fields, 'count', 1), phase: phaseOf(fields), target: targetOf(fields) };
    case 'expire-tokens':
      return { kind: 'expire-tokens' };
    case 'rate-limit':
      return { kind: 'rate-limit', limit: positiveInt(fields, 'limit'), windowMs: positiveInt(fields, 'windowMs', 300_000) };
    default:
      throw badRequest('kind must be one of status, latency, drop, expire-tokens, rate-limit');
  }
}
