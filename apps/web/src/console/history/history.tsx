import { useEffect, useState } from 'preact/hooks';
import { transfer, transferAudit, transferEvidence, type AuditEntry, type TransferDetail, type TransferEvidence } from '../../api.js';
import { AsOf } from './as-of.js';
import { Timeline } from './timeline.js';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; now: TransferDetail; entries: AuditEntry[]; evidence: TransferEvidence[] };

/** A transfer's history for auditors: the timeline of commands with their changes, time travel, and the evidence of each receipt. */
export function History({ transferId }: { transferId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [version, setVersion] = useState<number | null>(null);
  useEffect(() => {
    Promise.all([transfer(transferId), transferAudit(transferId), transferEvidence(transferId)]).then(
      ([now, entries, evidence]) => (setState({ kind: 'loaded', now, entries, evidence }), setVersion(now.version)),
      (error: Error) => setState({ kind: 'failed', message: error.message }),
    );
  }, [transferId]);
  if (state.kind === 'loading') return <main class="page wide"><p aria-busy="true">Loading…</p></main>;
  if (state.kind === 'failed') return <main class="page wide"><p class="error" role="alert">{state.message}</p></main>;
  const { now, entries, evidence } = state;
  return (
    <main class="page wide">
      <h1>History of {now.reference ?? now.id.slice(0, 8)}</h1>
      <p class="muted">{now.type} · now {now.status} at version {now.version}</p>
      {version !== null && <AsOf transferId={transferId} latest={now.version} version={version} onVersion={setVersion} />}
      <h2>Commands</h2>
      <Timeline entries={entries} onVersion={setVersion} />
      <section aria-labelledby="evidence-title">
        <h2 id="evidence-title">Evidence ({evidence.length})</h2>
        {evidence.length === 0 && <p class="muted">No receipt has photos or a signature.</p>}
        <ul class="evidence-list">
          {evidence.map((item) => (
            <li key={item.evidenceId}>
              {item.kind === 'PHOTO' ? <img src={item.href} alt={`Photo of ${item.productId ?? 'the delivery'}`} width={96} height={96} /> : <img src={item.href} alt="Receiver's signature" width={160} height={60} />}
              <span>
                {item.kind.toLowerCase()}
                {item.productId ? ` of ${item.productId}` : ''}, receipt {item.receipt.receiptId.slice(0, 8)} (version {item.receipt.version})
                <br />
                <code>SHA-256 {item.sha256}</code>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
