import { useEffect, useState } from 'preact/hooks';
import { transfer, transferEvidence, type TransferDetail as Detail, type TransferEvidence } from '../../api.js';
import { ShipmentPanel } from '../../shipment/shipment-panel.js';
import { SyncStatus } from '../../sync/sync-status.js';
import { Decision } from '../approvals/decision.js';
import { DataTable } from '../data-table.js';
import { EvidenceList } from '../history/evidence-list.js';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; detail: Detail; evidence: TransferEvidence[] };

/** One transfer for the console: lines and totals, where Lightspeed stands, its shipment and tracking, evidence, notes, its history, and a manager's decision when one waits. */
export function TransferDetail({ transferId, canDecide }: { transferId: string; canDecide: boolean }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [message, setMessage] = useState('');
  const [reads, setReads] = useState(0);
  useEffect(() => {
    Promise.all([transfer(transferId), transferEvidence(transferId)]).then(
      ([detail, evidence]) => setState({ kind: 'loaded', detail, evidence }),
      (error: Error) => setState({ kind: 'failed', message: error.message }),
    );
  }, [transferId, reads]);
  if (state.kind === 'loading') return <main class="page wide"><p aria-busy="true">Loading…</p></main>;
  if (state.kind === 'failed') return <main class="page wide"><h1>Transfer</h1><p class="error" role="alert">Could not open the transfer: {state.message}</p></main>;
  const { detail, evidence } = state;
  const label = detail.reference ?? detail.id.slice(0, 8);
  const decidable = canDecide && detail.allowedActions.includes('approve') && detail.allowedActions.includes('reject');
  const { totals } = detail;
  return (
    <main class="page wide">
      <h1>Transfer {label}</h1>
      <p>
        <span class={`status status-${detail.status.toLowerCase()}`}>{detail.status}</span> · {detail.type} · {detail.supplierId ? `supplier ${detail.supplierId}` : (detail.sourceOutletId ?? '')} → {detail.destinationOutletId ?? 'supplier'} · version {detail.version}
      </p>
      <SyncStatus sync={detail.sync} divergent={detail.lightspeedDivergence !== null} />
      <p><a href={`#/console/history/${detail.id}`}>History of {label}</a></p>
      <p role="status" aria-live="polite">{message}</p>
      {decidable && <Decision transferId={detail.id} label={label} onDecided={(text, changed) => (setMessage(text), changed && setReads((count) => count + 1))} />}
      <h2>Lines</h2>
      {detail.lines.length === 0 ? (
        <p class="muted">No lines yet.</p>
      ) : (
        <DataTable
          label="Lines"
          columns={['Product', 'Sent', 'Received', 'Variance', 'Reason']}
          rows={detail.lines}
          footer={<tr><th scope="row">Totals ({totals.lineCount} lines)</th><td>{totals.sentQuantity}</td><td>{totals.receivedQuantity}</td><td>{totals.varianceQuantity}</td><td>cost {totals.totalCost}, variance value {totals.varianceValue}</td></tr>}
        >
          {(line) => (
            <tr key={line.productId}>
              <th scope="row">{line.name ?? line.productId}{line.sku ? ` (${line.sku})` : ''}</th>
              <td>{line.sentQuantity}</td>
              <td>{line.receivedQuantity}</td>
              <td>{line.variance}</td>
              <td>{line.varianceReason ?? ''}{line.varianceNote ? `: ${line.varianceNote}` : ''}</td>
            </tr>
          )}
        </DataTable>
      )}
      <ShipmentPanel detail={detail} />
      <EvidenceList evidence={evidence} />
      <section aria-labelledby="notes-title">
        <h2 id="notes-title">Notes</h2>
        {detail.notes && <p>{detail.notes}</p>}
        {!detail.notes && detail.addedNotes.length === 0 && <p class="muted">No notes.</p>}
        <ul>
          {detail.addedNotes.map((note) => (
            <li key={note.version}>
              {note.text} <span class="muted">— {note.by.name ?? note.by.id}, <time dateTime={note.at}>{new Date(note.at).toLocaleString()}</time></span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
