import { useState } from 'preact/hooks';
import { approve, reject } from '../../api.js';

/** One decision per press: its Idempotency-Key is made once, so a retried press is recorded once. */
const decisionKeys = new Map<string, string>();
const keyFor = (decision: string) => decisionKeys.get(decision) ?? (decisionKeys.set(decision, crypto.randomUUID()), decisionKeys.get(decision) as string);

/**
 * A manager's approve / reject (with the reason its maker reads) of one transfer; `onDecided` hears
 * what came of it in words, and whether the transfer changed.
 */
export function Decision({ transferId, label, onDecided }: { transferId: string; label: string; onDecided: (message: string, changed: boolean) => void }) {
  const [reason, setReason] = useState('');
  const decide = async (decision: 'approve' | 'reject') => {
    try {
      if (decision === 'approve') {
        const after = await approve(transferId, keyFor(`${transferId}:approve`));
        return onDecided(`${label} approved: now ${after.status}.`, true);
      }
      const given = reason.trim();
      if (!given) return onDecided(`Give a reason to reject ${label}: its maker reads it.`, false);
      const after = await reject(transferId, given, keyFor(`${transferId}:reject:${given}`));
      onDecided(`${label} rejected: back to ${after.status}.`, true);
    } catch (error) {
      onDecided(`${label}: ${(error as Error).message}`, false);
    }
  };
  return (
    <div class="actions decision">
      <button type="button" onClick={() => void decide('approve')}>Approve</button>
      <label>
        Reason to reject <input value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
      </label>
      <button type="button" class="quiet" onClick={() => void decide('reject')}>Reject</button>
    </div>
  );
}
