import { deliver, type Delivery } from './deliver.js';
import { everything } from './outbox-store.js';

/**
 * Sends what the signed-in person counted and still waits, oldest first, and stops at the first
 * that cannot go yet (the network is still down): a later receipt of the same transfer must not
 * overtake an earlier one. What someone else counted waits for them to sign in.
 */
export async function sendWaiting(actorId: string, onRecorded: (transferId: string, delivery: Delivery) => void = () => undefined): Promise<void> {
  for (const receipt of await everything()) {
    if (receipt.refusal || receipt.by.id !== actorId) continue;
    const delivery = await deliver(receipt);
    if (delivery.kind === 'waiting') return;
    onRecorded(receipt.transferId, delivery);
  }
}
