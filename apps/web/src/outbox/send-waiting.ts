import { deliver, type Delivery } from './deliver.js';
import { everything } from './outbox-store.js';

/**
 * Sends what waits, oldest first, and stops at the first that cannot go yet (the network is still
 * down): a later receipt of the same transfer must not overtake an earlier one.
 */
export async function sendWaiting(onRecorded: (transferId: string, delivery: Delivery) => void = () => undefined): Promise<void> {
  for (const receipt of await everything()) {
    if (receipt.refusal) continue;
    const delivery = await deliver(receipt);
    if (delivery.kind === 'waiting') return;
    onRecorded(receipt.transferId, delivery);
  }
}
