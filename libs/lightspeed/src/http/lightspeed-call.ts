/** One HTTP attempt, reported to `onCall` (the worker counts these and exports metrics). */
export interface LightspeedCall {
  method: string;
  /** The templated path, e.g. `/consignments/:id/products/:productId`: safe as a metric label. */
  route: string;
  /** The HTTP status, or null when no response arrived (see `error`). */
  status: number | null;
  durationMs: number;
  /** 1 for the first attempt of a request, 2 for its first retry… */
  attempt: number;
  error?: 'timeout' | 'network';
}

export type CallObserver = (call: LightspeedCall) => void;
