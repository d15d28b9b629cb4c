import { inboundTransfers } from './api.js';
import { UnreceivedShipments } from './shipment/unreceived.js';
import { useTransferList } from './use-transfer-list.js';
import { SyncStatus } from './sync/sync-status.js';

/** What is on its way to the outlet (SENT) or being received there (RECEIVING), newest first. */
export function InboundList({ outletId }: { outletId: string | null }) {
  const state = useTransferList(outletId, inboundTransfers);

  return (
    <main class="page">
      <h1>Inbound{outletId ? ` to ${outletId}` : ''}</h1>
      {!outletId && <p>Your token names no outlet, so nothing is inbound to you.</p>}
      {outletId && <UnreceivedShipments linkTo={(id) => `#/transfers/${id}`} quietWhenNone />}
      {outletId && state.kind === 'loading' && <p aria-busy="true">Loading…</p>}
      {state.kind === 'failed' && (
        <p class="error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'loaded' && state.transfers.length === 0 && <p>Nothing is on its way.</p>}
      {state.kind === 'loaded' && state.transfers.length > 0 && (
        <ul class="transfers" aria-label="Inbound transfers">
          {state.transfers.map((transfer) => (
            <li key={transfer.id} tabIndex={0}>
              <div class="row">
                <a href={`#/transfers/${transfer.id}`}><strong>{transfer.reference ?? transfer.id.slice(0, 8)}</strong></a>
                <span class={`status status-${transfer.status.toLowerCase()}`}>{transfer.status}</span>
              </div>
              <div class="muted">
                from {transfer.sourceOutletId ?? 'a supplier'} · {transfer.totals.sentQuantity} units · updated {new Date(transfer.updatedAt).toLocaleString()}
              </div>
              <SyncStatus sync={transfer.sync} divergent={transfer.lightspeedDivergence !== null} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
