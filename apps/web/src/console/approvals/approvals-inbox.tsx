import { useState } from 'preact/hooks';
import { approvals } from '../../api.js';
import { usePolling } from '../use-polling.js';
import { Decision } from './decision.js';
import { figuresInWords, kindOf } from './figures-in-words.js';

/** A manager's inbox: what waits for approval or review, oldest first, approved or rejected (with a reason) from the list. */
export function ApprovalsInbox() {
  const inbox = usePolling(approvals, 15_000);
  const [message, setMessage] = useState('');
  const decided = (text: string, changed: boolean) => {
    setMessage(text);
    if (changed) inbox.refresh();
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
            <Decision transferId={item.transfer.id} label={`${kindOf(item)} ${item.transfer.reference ?? item.transfer.id.slice(0, 8)}`} onDecided={decided} />
          </li>
        ))}
      </ul>
    </main>
  );
}
