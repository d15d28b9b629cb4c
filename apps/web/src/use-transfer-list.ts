import { useEffect, useState } from 'preact/hooks';
import type { TransferSummary } from './api.js';

export type TransferListState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; transfers: TransferSummary[] };

/** An outlet's list of transfers, as `load` finds them, loaded when the outlet is known. */
export function useTransferList(outletId: string | null, load: (outletId: string) => Promise<TransferSummary[]>): TransferListState {
  const [state, setState] = useState<TransferListState>({ kind: 'loading' });
  useEffect(() => {
    if (!outletId) return;
    load(outletId).then(
      (transfers) => setState({ kind: 'loaded', transfers }),
      (error: Error) => setState({ kind: 'failed', message: error.message }),
    );
  }, [outletId]);
  return state;
}
