/** One entry of Starshipit's business error body `{success:false, errors:[{message, details}]}`. */
export interface CarrierErrorEntry {
  message: string;
  details: string;
}

/** Every failure of a Starshipit call is one of the subclasses; `call` is e.g. `POST /api/orders` (a mapping error: the field). */
export abstract class CarrierError extends Error {
  constructor(
    message: string,
    readonly call: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** 401 (subscription key) or 403 (API key): the credentials are wrong; retrying cannot help. */
export class CarrierAuthError extends CarrierError {
  override readonly name = 'CarrierAuthError';
  constructor(
    readonly status: number,
    readonly detail: string,
    call: string,
  ) {
    super(`Starshipit ${call} refused the credentials (${status}): ${detail}`, call);
  }
}

/** 429 still answered after the last retry. Nothing was applied. */
export class CarrierRateLimited extends CarrierError {
  override readonly name = 'CarrierRateLimited';
  constructor(
    call: string,
    readonly retryAfterMs: number | null,
  ) {
    super(`Starshipit ${call}: rate limit exceeded`, call);
  }
}

/**
 * Starshipit refused the request (a 4xx, or any status with `success: false`): validation, not found, a
 * state conflict such as a duplicate order number. The same request will be refused again.
 */
export class CarrierRejected extends CarrierError {
  override readonly name = 'CarrierRejected';
  constructor(
    readonly status: number,
    readonly errors: CarrierErrorEntry[],
    call: string,
  ) {
    super(`Starshipit ${call} rejected the request (${status}): ${describeErrors(errors)}`, call);
  }

  /** The first error's message, e.g. "Order already exists". */
  get reason(): string {
    return this.errors[0]?.message ?? '';
  }

  /** The first error's details. */
  get details(): string {
    return this.errors[0]?.details ?? '';
  }
}

/**
 * No usable answer: a 5xx, a timeout or a failed connection. For a write the outcome is unknown — Starshipit
 * may have applied it — unless `requestSent` is false (the connection was refused before anything was sent).
 */
export class CarrierUnavailable extends CarrierError {
  override readonly name = 'CarrierUnavailable';
  constructor(
    readonly kind: 'status' | 'timeout' | 'network',
    call: string,
    readonly status: number | null,
    readonly requestSent: boolean,
    options?: { cause?: unknown },
  ) {
    super(`Starshipit ${call}: ${kind === 'status' ? `answered ${status}` : kind === 'timeout' ? 'timed out' : 'connection failed'}`, call, options);
  }

  /** Whether Starshipit may have applied the request. */
  get outcomeUnknown(): boolean {
    return this.requestSent;
  }
}

/** Starshipit answered JSON this library cannot translate (a field missing or of the wrong type). */
export class CarrierMappingError extends CarrierError {
  override readonly name = 'CarrierMappingError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Starshipit field ${field}: ${reason}`, field);
  }
}

const DUPLICATE_ORDER = /already exists|order exists|duplicate/i;

/** A create refused because the order number is taken: a 409, or a message saying so (any status). */
export function isDuplicateOrderRejection(error: unknown): error is CarrierRejected {
  if (!(error instanceof CarrierRejected)) return false;
  return error.status === 409 || error.errors.some((entry) => DUPLICATE_ORDER.test(`${entry.message} ${entry.details}`));
}

function describeErrors(errors: CarrierErrorEntry[]): string {
  if (errors.length === 0) return 'no reason given';
  return errors.map((entry) => (entry.details ? `${entry.message}: ${entry.details}` : entry.message)).join('; ');
}
