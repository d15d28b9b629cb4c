import { useEffect, useState } from 'preact/hooks';
import { whoIsSignedIn } from '../api.js';
import { useOutbox } from './use-outbox.js';

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const follow = () => setOnline(navigator.onLine);
    window.addEventListener('online', follow);
    window.addEventListener('offline', follow);
    return () => {
      window.removeEventListener('online', follow);
      window.removeEventListener('offline', follow);
    };
  }, []);
  return online;
}

/** Whether the device is connected, and what it still holds, in one line under the header. */
export function OutboxStatus() {
  const online = useOnline();
  const everyone = useOutbox();
  const me = whoIsSignedIn()?.id;
  const receipts = everyone.filter((receipt) => receipt.by.id === me);
  const others = everyone.length - receipts.length;
  const refused = receipts.filter((receipt) => receipt.refusal);
  const waiting = receipts.length - refused.length;
  const parts = [
    !online && (waiting > 0 ? `Offline: ${plural(waiting, 'receipt')} saved on this device, sent when the network returns.` : 'Offline: keep counting; receipts are saved on this device.'),
    online && waiting > 0 && `Sending ${plural(waiting, 'saved receipt')}…`,
    refused.length > 0 && `${plural(refused.length, 'receipt')} not recorded: open ${refused.map((receipt) => receipt.transferLabel).join(', ')} to decide.`,
    others > 0 && `${plural(others, 'receipt')} counted by someone else on this device wait for them to sign in.`,
  ].filter(Boolean);
  return (
    <p class={`connection${online ? '' : ' offline'}`} role="status" data-testid="connection">
      {parts.join(' ')}
    </p>
  );
}
