import { validationError } from '../http/business-error.js';
import { asFields, type Fields } from '../http/request-fields.js';

/** `before`: the call is not applied (yet). `after`: it is applied, then its answer is replaced or held back. */
export type FaultPhase = 'before' | 'after';

/** Which calls a fault takes: every /api call unless narrowed by method and/or a regex on the path. */
export interface FaultTarget {
  method?: string;
  path?: string;
}

export const FAULT_STATUSES = [429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export type FaultSpec =
  | { kind: 'status'; status: FaultStatus; count: number; phase: FaultPhase; target?: FaultTarget }
  | { kind: 'delay'; ms: number; count: number; phase: FaultPhase; target?: FaultTarget }
  | { kind: 'duplicate-webhooks'; count?: number };

function nonNegativeInt(fields: Fields, key: string, fallback?: number): number {
  const value = fields[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw validationError(`${key} must be a non-negative integer`);
  return value;
}

function phaseOf(fields: Fields): FaultPhase {
  const phase = fields['phase'] ?? 'before';
  if (phase !== 'before' && phase !== 'after') throw validationError('phase must be "before" or "after"');
  return phase;
}

function targetOf(fields: Fields): FaultTarget | undefined {
  const { method, path } = fields;
  if (method === undefined && path === undefined) return undefined;
  if (method !== undefined && typeof method !== 'string') throw validationError('method must be a string');
  if (path !== undefined) {
    try {
      if (typeof path !== 'string') throw new Error('not a string');
      new RegExp(path);
    } catch {
      throw validationError('path must be a regular expression');
    }
  }
  return { ...(method === undefined ? {} : { method: method.toUpperCase() }), ...(path === undefined ? {} : { path: path as string }) };
}

/** Validates a `POST /admin/faults` body. */
export function parseFaultSpec(body: unknown): FaultSpec {
  const fields = asFields(body, 'A fault');
  switch (fields['kind']) {
    case 'status': {
      const status = fields['status'];
      if (!(FAULT_STATUSES as readonly unknown[]).includes(status)) throw validationError(`status must be one of ${FAULT_STATUSES.join(', ')}`);
      return { kind: 'status', status: status as FaultStatus, count: nonNegativeInt(fields, 'count', 1), phase: phaseOf(fields), target: targetOf(fields) };
    }
    case 'delay':
      return { kind: 'delay', ms: nonNegativeInt(fields, 'ms'), count: nonNegativeInt(fields, 'count', 1), phase: phaseOf(fields), target: targetOf(fields) };
    case 'duplicate-webhooks':
      return { kind: 'duplicate-webhooks', ...(fields['count'] === undefined ? {} : { count: nonNegativeInt(fields, 'count') }) };
    default:
      throw validationError('kind must be one of status, delay, duplicate-webhooks');
  }
}
