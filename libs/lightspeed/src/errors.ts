/**
 * Lightspeed answered with a status this library does not turn into a result: every 4xx other than
 * a 401 it could recover from, and a 429/5xx still failing after the last attempt.
 */
export class LightspeedError extends Error {
  override readonly name = 'LightspeedError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly method: string,
    readonly path: string,
  ) {
    super(`Lightspeed ${method} ${path} answered ${status}${describeBody(body)}`);
  }

  /** 429 and 5xx: the same request may succeed later. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

/**
 * No answer: the request timed out or the connection failed. `requestSent` is false only when the
 * request cannot have reached Lightspeed (connection refused, DNS); otherwise whether it was
 * applied is unknown.
 */
export class LightspeedTransportError extends Error {
  override readonly name = 'LightspeedTransportError';
  constructor(
    readonly kind: 'timeout' | 'network',
    readonly method: string,
    readonly path: string,
    readonly requestSent: boolean,
    options?: { cause?: unknown },
  ) {
    super(`Lightspeed ${method} ${path}: ${kind === 'timeout' ? 'timed out' : 'connection failed'}`, options);
  }
}

/** Lightspeed sent JSON this library cannot translate faithfully (wrong type, fractional quantity…). */
export class LightspeedMappingError extends Error {
  override readonly name = 'LightspeedMappingError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Lightspeed field ${field}: ${reason}`);
  }
}

/** The Lightspeed call behind an error and what the store answered, for a log line's fields. */
export interface FailedCall {
  /** Method and path, e.g. `POST /consignments`. */
  call: string;
  /** The answer's status; absent when none came. */
  status?: number;
  /** The answer's body (its first 300 characters), or `timeout` / `network` when none came. */
  answer: string;
}

/** What call failed and how, when the error is one of this library's HTTP errors; null otherwise. */
export function failedCallOf(error: unknown): FailedCall | null {
  if (error instanceof LightspeedError) return { call: `${error.method} ${error.path}`, status: error.status, answer: excerpt(error.body) ?? '' };
  if (error instanceof LightspeedTransportError) return { call: `${error.method} ${error.path}`, answer: error.kind };
  return null;
}

function excerpt(body: unknown): string | null {
  if (body === undefined || body === null || body === '') return null;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function describeBody(body: unknown): string {
  const text = excerpt(body);
  return text === null ? '' : `: ${text}`;
}
