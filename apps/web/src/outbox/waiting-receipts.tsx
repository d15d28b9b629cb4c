import { whoIsSignedIn } from '../api.js';
import type { OutboxReceipt } from './outbox-record.js';

interface Props {
  receipts: readonly OutboxReceipt[];
  onConfirm: (receipt: OutboxReceipt) => void;
  onDiscard: (receipt: OutboxReceipt) => void;
}

const unitsOf = (receipt: OutboxReceipt) => receipt.submission.lines.reduce((sum, line) => sum + line.receivedQuantity, 0);
const describe = (receipt: OutboxReceipt) =>
  `${receipt.submission.final ? 'Final' : 'Partial'} receipt of ${unitsOf(receipt)} units, counted ${new Date(receipt.createdAt).toLocaleTimeString()}`;

/**
 * The receipts of this transfer still on this device: those waiting for the network, and those the
 * API refused, each with what staff can do about it.
 */
export function WaitingReceipts({ receipts, onConfirm, onDiscard }: Props) {
  if (receipts.length === 0) return null;
  return (
    <section class="waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title">Saved on this device</h2>
      <ul>
        {receipts.map((receipt) => (
          <li key={receipt.submission.receiptId}>
            {describe(receipt)}
            {receipt.by.id !== whoIsSignedIn()?.id ? (
              <p class="muted">Counted by {receipt.by.name ?? receipt.by.id}: it is sent when they sign in on this device again.</p>
            ) : (
              !receipt.refusal && <p class="muted">Waiting for the network: it will be sent by itself, once.</p>
            )}
            {receipt.refusal && receipt.by.id === whoIsSignedIn()?.id && (
              <>
                <p class="error">Not recorded: {receipt.refusal.detail}</p>
                {receipt.refusal.code === 'OVER_RECEIPT_UNCONFIRMED' ? (
                  <button type="button" onClick={() => onConfirm(receipt)}>Confirm the counts and send</button>
                ) : (
                  <p class="muted">{receipt.refusal.status === 409 ? 'The transfer changed since this was counted. Check it, then count again.' : 'Check the transfer and the photos, then count again.'}</p>
                )}
                <button type="button" class="quiet" onClick={() => onDiscard(receipt)}>Discard this receipt</button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
