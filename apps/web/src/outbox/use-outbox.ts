import { useEffect, useState } from 'preact/hooks';
import type { OutboxReceipt } from './outbox-record.js';
import { onChange } from './outbox-events.js';
import { everything } from './outbox-store.js';
import { sendWaiting } from './send-waiting.js';

/** How often the app tries again while something waits and the browser thinks it is online. */
const RETRY_EVERY_MS = 15_000;

/** What waits on this device, kept current as it changes. */
export function useOutbox(): OutboxReceipt[] {
  const [receipts, setReceipts] = useState<OutboxReceipt[]>([]);
  useEffect(() => {
    const read = () => void everything().then(setReceipts, () => setReceipts([]));
    read();
    return onChange(read);
  }, []);
  return receipts;
}

/** Sends what the signed-in person left waiting when the app starts, when the network comes back, and every little while. */
export function useSendingWhenOnline(actorId: string): void {
  useEffect(() => {
    const send = () => void (navigator.onLine ? sendWaiting(actorId) : undefined);
    send();
    window.addEventListener('online', send);
    const timer = window.setInterval(send, RETRY_EVERY_MS);
    return () => {
      window.removeEventListener('online', send);
      window.clearInterval(timer);
    };
  }, [actorId]);
}
