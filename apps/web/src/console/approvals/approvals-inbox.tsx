import { useState } from 'preact/hooks';
import { approvals, approve, reject, type ApprovalItem } from '../../api.js';
import { usePolling } from '../use-polling.js';
import { figuresInWords, kindOf } from './figures-in-words.js';

/** One decision per press: its Idempotency-Key is made once, so a retried press is recorded once. */
const decisionKeys = new Map<string, string>();
const keyFor = (decision: string) => decisionKeys.get(decision) ?? (decisionKeys.set(decision, crypto.randomUUID()), decisionKeys.get(decision) as string);

/** A manager's inbox: what waits for approval or review, oldest first, approved or rejected (with a reason) from the list. */
export function ApprovalsInbox() {
  const inbox = usePolling(approvals, 15_000);
  const [message, setMessage] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const decide = async (item: ApprovalItem, decision: 'approve' | 'reject') => {
    const id = item.transfer.id;
    const label = `${kindOf(item)} ${item.transfer.reference ?? id.slice(0, 8)}`;
    try {
      if (decision === 'approve') {
        const after = await approve(id, keyFor(`${id}:approve`));
        setMessage(`${label} approved: now ${after.status}.`);
      } else {
        const reason = (reasons[id] ?? '').trim();
        if (!reason) return setMessage(`Give a reason to reject ${label}: its maker reads it.`);
        const after = await reject(id, reason, keyFor(`${id}:reject:${reason}`));
        setMessage(`${label} rejected: back to ${after.status}.`);
      }
      inbox.refresh();
    } catch (error) {
      setMessage(`${label}: ${(error as Error).message}`);
    }
  };
  const items = inbox.value ?? [];
  return (
    <main class="page wide">
      <h1>Approvals</h1>
      <p role="status" aria-live="polite">{message || (inbox.error ? `Not updated: ${inbox.error}` : inbox.value ? `${items.length} waiting` : 'Loading…')}</p>
      {inbox.value && items.length === 0 && <p class="muted">Nothing waits for a decision.</p>}
      <ul class="approvals" aria-label="Waiting for a decision">
        {items.map((item) => (
          <li key={item.transfer.id}>
            <p>
              <strong>{kindOf(item)} {item.transfer.reference ?? item.transfer.id.slice(0, 8)}</strong>{' '}
              <a href={`#/console/history/${item.transfer.id}`}>history</a>
            </p>
            <p class={item.figures.beyondThreshold ? 'figure beyond' : 'figure'}>{figuresInWords(item)}</p>
            <p class="muted">
              {item.transfer.supplierId ? `supplier ${item.transfer.supplierId} · ` : ''}
              {item.transfer.destinationOutletId ?? item.transfer.sourceOutletId ?? ''} · {item.transfer.totals.lineCount} lines · waiting since {new Date(item.transfer.updatedAt).toLocaleString()}
            </p>
            <div class="actions">
              <button type="button" onClick={() => void decide(item, 'approve')}>Approve</button>
              <label>
                Reason to reject <input value={reasons[item.transfer.id] ?? ''} onInput={(event) => setReasons({ ...reasons, [item.transfer.id]: event.currentTarget.value })} />
              </label>
              <button type="button" class="quiet" onClick={() => void decide(item, 'reject')}>Reject</button>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
