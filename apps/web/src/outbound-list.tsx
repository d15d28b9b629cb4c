import { outboundTransfers } from './api.js';
import { useTransferList } from './use-transfer-list.js';

/** Outlet transfers the outlet sends that are still to be packed or sent, newest first. */
export function OutboundList({ outletId }: { outletId: string | null }) {
  const state = useTransferList(outletId, outboundTransfers);

  return (
    <main class="page">
      <h1>Outbound from {outletId ?? 'your outlet'}</h1>
      {!outletId && <p>Your token names no outlet, so nothing is sent from you.</p>}
      {outletId && state.kind === 'loading' && <p aria-busy="true">Loading…</p>}
      {state.kind === 'failed' && (
        <p class="error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'loaded' && state.transfers.length === 0 && <p>Nothing is waiting to be packed or sent.</p>}
      {state.kind === 'loaded' && state.transfers.length > 0 && (
        <ul class="transfers" aria-label="Outbound transfers">
          {state.transfers.map((transfer) => (
            <li key={transfer.id}>
              <div class="row">
                <a href={`#/pack/${transfer.id}`}><strong>{transfer.reference ?? transfer.id.slice(0, 8)}</strong></a>
                <span class={`status status-${transfer.status.toLowerCase()}`}>{transfer.status}</span>
              </div>
              <div class="muted">
                to {transfer.destinationOutletId} · {transfer.totals.packedQuantity} of {transfer.totals.plannedQuantity} units packed · updated{' '}
                {new Date(transfer.updatedAt).toLocaleString()}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
