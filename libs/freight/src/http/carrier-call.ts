/** One HTTP attempt, reported to `onCall` (for logs and metrics; it never holds keys or bodies). */
export interface CarrierCall {
  method: string;
  /** The path without its query, e.g. `/api/orders`: safe as a metric label. */
  path: string;
  /** The HTTP status, or null when no answer came (see `error`). */
  status: number | null;
  durationMs: number;
  /** 1 for the first attempt, 2 for the first retry… */
  attempt: number;
  error?: 'timeout' | 'network';
}

export type CarrierCallObserver = (call: CarrierCall) => void;
