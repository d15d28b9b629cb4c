import { useEffect, useState } from 'preact/hooks';
import { transfer, transferAudit, transferEvidence, type AuditEntry, type TransferDetail, type TransferEvidence } from '../../api.js';
import { AsOf } from './as-of.js';
import { EvidenceList } from './evidence-list.js';
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
      <EvidenceList evidence={evidence} />
    </main>
  );
}
